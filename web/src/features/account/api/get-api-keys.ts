import type { ApiKeyDto } from '@call-scheduler/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export function getApiKeys(signal?: AbortSignal): Promise<ApiKeyDto[]> {
  return apiRequest<ApiKeyDto[]>('/api/account/api-keys', { signal });
}

export function apiKeysQueryOptions() {
  return queryOptions({ queryKey: accountKeys.apiKeys(), queryFn: ({ signal }) => getApiKeys(signal) });
}

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}
