import type { UserDto } from '@call-scheduler/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export function getUsers(signal?: AbortSignal): Promise<UserDto[]> {
  return apiRequest<UserDto[]>('/api/account/users', { signal });
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: accountKeys.users(), queryFn: ({ signal }) => getUsers(signal) });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
