import type { ApiKeyDto, CreateApiKeyRequest, CreatedApiKeyDto } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { putInList } from './account-cache';
import { accountKeys } from './account-keys';

/** The answer carries the key's secret, this once. */
export function createApiKey(request: CreateApiKeyRequest): Promise<CreatedApiKeyDto> {
  return apiRequest<CreatedApiKeyDto>('/api/account/api-keys', { method: 'POST', body: request });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    // The list is kept without the secret: it is shown once, by whoever asked for the key.
    onSuccess: ({ secret: _secret, ...key }) => putInList<ApiKeyDto>(queryClient, accountKeys.apiKeys(), key),
  });
}
