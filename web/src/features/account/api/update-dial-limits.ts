import type { DialLimitsDto } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';
import type { AccountDto } from './get-account';

export function updateDialLimits(limits: DialLimitsDto): Promise<DialLimitsDto> {
  return apiRequest<DialLimitsDto>('/api/account/limits', { method: 'PUT', body: limits });
}

export function useUpdateDialLimits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDialLimits,
    onSuccess: (limits) => queryClient.setQueryData<AccountDto>(accountKeys.settings(), (account) => account && { ...account, limits }),
  });
}
