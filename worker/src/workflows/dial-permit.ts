import type { DialHold } from '@call-scheduler/shared/workflow';

/** Marks the runs that reserve each dial in their account's spend cap before they make it. */
export const DIAL_LIMITS_PATCH = 'dial-limits';

/** How soon a dial held by the calls in progress asks again: room comes whenever one of them ends. */
export const CONCURRENT_RECHECK_MS = 5_000;
/** How soon a dial held by a limit of zero asks again: room comes only when an admin raises it. */
export const CLOSED_RECHECK_MS = 60_000;
/** The least a held dial waits: the database's clock, which set retryAt, may run behind the worker's. */
export const MIN_RECHECK_MS = 1_000;

/** When a dial held back by its account's spend cap asks for room again; constants only, so a replay waits the same. */
export function recheckAt(hold: DialHold, now: number): number {
  if (hold.retryAt !== null) return Math.max(Date.parse(hold.retryAt), now + MIN_RECHECK_MS);
  return now + (hold.limit === 'concurrent' ? CONCURRENT_RECHECK_MS : CLOSED_RECHECK_MS);
}

/** Whether the hold says something the call's timeline does not show yet: a long wait records its hold once. */
export function isNewHold(current: DialHold | null, hold: DialHold): boolean {
  return current?.limit !== hold.limit || current.reason !== hold.reason || current.retryAt !== hold.retryAt;
}
