import type { AccountDto, DefaultCallingWindow } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

/** `PUT /api/account/default-window`, or with null `DELETE`: answers the account with its new calling hours. */
export function updateDefaultWindow(window: DefaultCallingWindow | null): Promise<AccountDto> {
  return window
    ? apiRequest<AccountDto>('/api/account/default-window', { method: 'PUT', body: window })
    : apiRequest<AccountDto>('/api/account/default-window', { method: 'DELETE' });
}

export function useUpdateDefaultWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDefaultWindow,
    onSuccess: (account) => queryClient.setQueryData<AccountDto>(accountKeys.settings(), account),
  });
}
