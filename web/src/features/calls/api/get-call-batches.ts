import type { CallBatchDto } from '@call-scheduler/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { callKeys } from './call-keys';

export function getCallBatches(signal?: AbortSignal): Promise<CallBatchDto[]> {
  return apiRequest<CallBatchDto[]>('/api/calls/batches', { signal });
}

/** The batches calls were uploaded in, newest first; under `calls`, so an upload refreshes them. */
export function useCallBatches() {
  return useQuery(queryOptions({ queryKey: callKeys.batches(), queryFn: ({ signal }) => getCallBatches(signal) }));
}

