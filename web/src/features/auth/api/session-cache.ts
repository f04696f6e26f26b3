import type { MeDto } from '@call-scheduler/shared';
import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from './auth-keys';

/**
 * A new session starts with an empty cache: what was cached before belonged to the previous one,
 * perhaps of another account.
 */
export function startSession(queryClient: QueryClient, me: MeDto): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.session[0] });
  queryClient.setQueryData(authKeys.session, me);
}

/** Nobody is signed in any more: the page goes back to signing in. */
export function endSession(queryClient: QueryClient): void {
  queryClient.setQueryData(authKeys.session, null);
}
