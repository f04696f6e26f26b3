import { ApiError, ApiUnreachableError } from '../../lib/api-client';

/** Why signing in did not work, in words for the person at the form. */
export function describeSignInFailure(error: Error): string {
  if (error instanceof ApiUnreachableError) return 'The API is unreachable: try again in a moment.';
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 401) return 'Wrong email or password.';
  if (error.status === 429 && error.retryAfterSeconds !== null) return `Too many sign-in attempts: try again in ${formatWait(error.retryAfterSeconds)}.`;
  return error.message;
}

/** "45 s", or whole minutes (rounded up) from a minute on: "2 min". */
export function formatWait(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
