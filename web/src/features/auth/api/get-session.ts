import type { MeDto } from '@call-scheduler/shared';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

/** Who the session cookie belongs to, or null when there is no session (the API answers 401). */
export async function getSession(signal?: AbortSignal): Promise<MeDto | null> {
  try {
    return await apiRequest<MeDto>('/api/auth/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function sessionQueryOptions() {
  return queryOptions({ queryKey: authKeys.session, queryFn: ({ signal }) => getSession(signal) });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** Asks the API again who is signed in: after the live feed dropped, the session may be what ended. */
export function useRecheckSession(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: authKeys.session }), [queryClient]);
}
