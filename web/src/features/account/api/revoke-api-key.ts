import type { ApiKeyDto } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { putInList } from './account-cache';
import { accountKeys } from './account-keys';

/** A revoked key is refused from then on; it stays listed, marked revoked. */
export function revokeApiKey(id: string): Promise<ApiKeyDto> {
  return apiRequest<ApiKeyDto>(`/api/account/api-keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeApiKey, onSuccess: (key) => putInList(queryClient, accountKeys.apiKeys(), key) });
}
