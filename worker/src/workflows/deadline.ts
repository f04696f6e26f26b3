import { nextDialAt, type CallState } from '@call-scheduler/shared/workflow';

/** Why the call can no longer be placed by its deadline, if its next dial would be made at `dialInstant`; null while it can. */
export function expiryReason(state: CallState, dialInstant: number, now: number): string | null {
  const { latestAt, windowOpensAt, status } = state;
  if (!latestAt || dialInstant <= Date.parse(latestAt)) return null;
  if (now > Date.parse(latestAt)) return `The deadline ${latestAt} passed before the call could be placed`;
  if (windowOpensAt) return `Its calling window opens at ${windowOpensAt}, after its deadline ${latestAt}`;
  if (status !== 'scheduled') return `Its next attempt, due ${nextDialAt(state)}, would fall after its deadline ${latestAt}`;
  return `It is due ${nextDialAt(state)}, after its deadline ${latestAt}`;
}
