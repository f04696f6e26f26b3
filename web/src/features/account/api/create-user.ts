import type { CreateUserRequest, UserDto } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { putInList } from './account-cache';
import { accountKeys } from './account-keys';

export function createUser(request: CreateUserRequest): Promise<UserDto> {
  return apiRequest<UserDto>('/api/account/users', { method: 'POST', body: request });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: (user) => putInList(queryClient, accountKeys.users(), user) });
}
