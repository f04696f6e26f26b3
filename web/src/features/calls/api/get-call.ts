import type { CallDetailDto } from '@call-scheduler/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { keepNewerCall } from './call-cache';
import { callKeys } from './call-keys';

export function getCall(id: string, signal?: AbortSignal): Promise<CallDetailDto> {
  return apiRequest<CallDetailDto>(`/api/calls/${encodeURIComponent(id)}`, { signal });
}

/** One call with its event timeline. */
export function callQueryOptions(id: string) {
  return queryOptions({
    queryKey: callKeys.detail(id),
    queryFn: ({ signal }) => getCall(id, signal),
    structuralSharing: (cached, fetched) => keepNewerCall(cached as CallDetailDto | undefined, fetched as CallDetailDto),
  });
}

export function useCall(id: string) {
  return useQuery(callQueryOptions(id));
}
