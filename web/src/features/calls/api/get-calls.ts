import type { CallPageDto, CallStatus } from '@call-scheduler/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { keepNewerCalls, type CallPages } from './call-cache';
import { callKeys } from './call-keys';

export const CALL_LIST_PAGE_SIZE = 50;

export function getCalls(status: CallStatus | undefined, cursor: string | null, signal?: AbortSignal): Promise<CallPageDto> {
  const query = new URLSearchParams({ limit: String(CALL_LIST_PAGE_SIZE) });
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  return apiRequest<CallPageDto>(`/api/calls?${query}`, { signal });
}

/** Calls newest first, a page at a time, optionally only those with one status. */
export function callsQueryOptions(status: CallStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: callKeys.list(status),
    queryFn: ({ pageParam, signal }) => getCalls(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    structuralSharing: (cached, fetched) => keepNewerCalls(cached as CallPages | undefined, fetched as CallPages, status),
  });
}

export function useCalls(status: CallStatus | undefined) {
  return useInfiniteQuery(callsQueryOptions(status));
}
