import type { CallStatus } from '@call-scheduler/shared';
import { useMemo, useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { isNumberPrefix, type CallFilters } from './call-filters';

const SEARCH_DEBOUNCE_MS = 300;

export interface CallFilterState {
  /** The filters the list is fetched with: the search once typing pauses, and only a search the API takes. */
  applied: CallFilters;
  status: CallStatus | undefined;
  batchId: string | undefined;
  /** The search box as typed. */
  searchText: string;
  searchValid: boolean;
  setStatus: (status: CallStatus | undefined) => void;
  setBatchId: (batchId: string | undefined) => void;
  setSearchText: (text: string) => void;
}

/** The list's filters, shared with what follows them (the overview, the export). */
export function useCallFilters(): CallFilterState {
  const [status, setStatus] = useState<CallStatus | undefined>(undefined);
  const [batchId, setBatchId] = useState<string | undefined>(undefined);
  const [searchText, setSearchText] = useState('');
  const settled = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  // A search the API would refuse keeps the list as it was (the hint says why): the last one it takes stays applied.
  const [search, setSearch] = useState('');
  if (settled !== search && isNumberPrefix(settled)) setSearch(settled);
  const applied = useMemo(() => ({ status, batchId, search: search.replace(/^\+$/, '') || undefined }), [status, batchId, search]);

  return { applied, status, batchId, searchText, searchValid: isNumberPrefix(searchText.trim()), setStatus, setBatchId, setSearchText };
}
