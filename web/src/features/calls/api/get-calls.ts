import type { CallPageDto } from '@call-scheduler/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { callFiltersQuery, type CallFilters } from '../call-filters';
import { keepNewerCalls, type CallPages } from './call-cache';
import { callKeys } from './call-keys';

export const CALL_LIST_PAGE_SIZE = 50;

export function getCalls(filters: CallFilters, cursor: string | null, signal?: AbortSignal): Promise<CallPageDto> {
  const query = new URLSearchParams({ limit: String(CALL_LIST_PAGE_SIZE) });
  callFiltersQuery(filters).forEach((value, name) => query.set(name, value));
  if (cursor) query.set('cursor', cursor);
  return apiRequest<CallPageDto>(`/api/calls?${query}`, { signal });
}

/** Calls newest first, a page at a time, optionally only those the filters select. */
export function callsQueryOptions(filters: CallFilters) {
  return infiniteQueryOptions({
    queryKey: callKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getCalls(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    structuralSharing: (cached, fetched) => keepNewerCalls(cached as CallPages | undefined, fetched as CallPages, filters),
  });
}

export function useCalls(filters: CallFilters) {
  return useInfiniteQuery(callsQueryOptions(filters));
}
