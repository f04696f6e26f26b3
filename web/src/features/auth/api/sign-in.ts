import type { MeDto, SignInRequest } from '@call-scheduler/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { startSession } from './session-cache';

/** Sets the session cookie and answers who is now signed in. */
export function signIn(request: SignInRequest): Promise<MeDto> {
  return apiRequest<MeDto>('/api/auth/sign-in', { method: 'POST', body: request });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signIn, onSuccess: (me) => startSession(queryClient, me) });
}
