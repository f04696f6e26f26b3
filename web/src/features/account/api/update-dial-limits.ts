import type { AccountDto, DialLimitsDto } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

/** `PUT /api/account/limits`: answers the account with its new spend cap. */
export function updateDialLimits(limits: DialLimitsDto): Promise<AccountDto> {
  return apiRequest<AccountDto>('/api/account/limits', { method: 'PUT', body: limits });
}

export function useUpdateDialLimits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDialLimits,
    onSuccess: (account) => queryClient.setQueryData<AccountDto>(accountKeys.settings(), account),
  });
}
