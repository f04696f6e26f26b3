import type { AccountDto } from '@call-scheduler/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

/** `GET /api/account`: the signed-in account and its spend cap. */
export function getAccount(signal?: AbortSignal): Promise<AccountDto> {
  return apiRequest<AccountDto>('/api/account', { signal });
}

export function accountQueryOptions() {
  return queryOptions({ queryKey: accountKeys.settings(), queryFn: ({ signal }) => getAccount(signal) });
}

export function useAccount() {
  return useQuery(accountQueryOptions());
}
