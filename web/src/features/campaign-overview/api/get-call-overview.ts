import type { CallOverviewDto } from '@call-scheduler/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { callKeys } from '../../calls/api/call-keys';

/** Under `calls`, so whatever refetches every call query (a reconnection, an upload) refetches the overview too. */
export const overviewKeys = {
  all: [...callKeys.all, 'overview'] as const,
  batch: (batchId: string | undefined) => [...overviewKeys.all, { batchId: batchId ?? null }] as const,
};

/** Dials and due times move on with the clock, not only with the calls the stream reports: asked for again this often. */
const REFRESH_MS = 30_000;

export function getCallOverview(batchId: string | undefined, signal?: AbortSignal): Promise<CallOverviewDto> {
  const query = batchId ? `?${new URLSearchParams({ batchId })}` : '';
  return apiRequest<CallOverviewDto>(`/api/calls/overview${query}`, { signal });
}

/** The account's calls at a glance, or one batch's. */
export function useCallOverview(batchId: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: overviewKeys.batch(batchId),
      queryFn: ({ signal }) => getCallOverview(batchId, signal),
      refetchInterval: REFRESH_MS,
      placeholderData: (previous) => previous,
    }),
  );
}
