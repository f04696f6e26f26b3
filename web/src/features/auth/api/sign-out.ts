import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { endSession } from './session-cache';

/** Ends the session on the server, so the cookie is worth nothing even if it was copied. */
export function signOut(): Promise<void> {
  return apiRequest<void>('/api/auth/sign-out', { method: 'POST' });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signOut, onSuccess: () => endSession(queryClient) });
}
