import { CALL_STATUSES, type CallBatchDto, type CallStatus } from '@call-scheduler/shared';
import { useId } from 'react';
import { countOf } from '../../../components/csv-import/count';
import { formatDateTime } from '../../../lib/date-time';
import { useTimeZone } from '../../../lib/time-zone';
import { callsExportHref } from '../api/export-calls';
import { useCallBatches } from '../api/get-call-batches';
import { CALL_STATUS_LABELS } from '../call-status-labels';
import type { CallFilterState } from '../use-call-filters';

/** Narrows the list by status, batch and the number's first digits, and downloads what it selects. */
export function CallFilterBar({ filters }: { filters: CallFilterState }) {
  const id = useId();
  return (
    <div className="filter-bar">
      <label>
        Status{' '}
        <select value={filters.status ?? ''} onChange={(event) => filters.setStatus((event.target.value || undefined) as CallStatus | undefined)}>
          <option value="">All</option>
          {CALL_STATUSES.map((value) => (
            <option key={value} value={value}>
              {CALL_STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <BatchSelect batchId={filters.batchId} onChange={filters.setBatchId} />
      <label>
        Number starts with{' '}
        <input
          type="search"
          inputMode="tel"
          value={filters.searchText}
          onChange={(event) => filters.setSearchText(event.target.value)}
          aria-invalid={!filters.searchValid}
          aria-describedby={filters.searchValid ? undefined : `${id}-search-hint`}
          placeholder="+1415"
        />
      </label>
      {!filters.searchValid && (
        <p id={`${id}-search-hint`} className="field-error">
          Type the first digits of a number, the + optional.
        </p>
      )}
      <a className="button-link" href={callsExportHref(filters.applied)} download>
        Export CSV
      </a>
    </div>
  );
}

function BatchSelect({ batchId, onChange }: { batchId: string | undefined; onChange: (batchId: string | undefined) => void }) {
  const batches = useCallBatches();
  const timeZone = useTimeZone();
  return (
    <label>
      Batch{' '}
      <select value={batchId ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">All calls</option>
        {batches.data?.map((batch) => (
          <option key={batch.id} value={batch.id}>
            {batchLabel(batch, timeZone)}
          </option>
        ))}
      </select>
    </label>
  );
}

function batchLabel({ name, createdAt, calls }: CallBatchDto, timeZone: string): string {
  return `${name ?? 'Unnamed batch'}, ${formatDateTime(createdAt, timeZone)} (${countOf(calls, ['call', 'calls'])})`;
}
