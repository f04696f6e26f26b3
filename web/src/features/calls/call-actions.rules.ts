import { canActOnCalls, isPending, type CallDto, type Role } from '@call-scheduler/shared';
import { CALL_STATUS_LABELS } from './call-status-labels';

export type ActionAvailability = { allowed: true } | { allowed: false; reason: string };

export const VIEWER_REASON = 'Viewers can only read calls.';

/** Creating a call, and any command, needs a role that acts on calls. */
export function callCommandAvailability(role: Role): ActionAvailability {
  return canActOnCalls(role) ? { allowed: true } : { allowed: false, reason: VIEWER_REASON };
}

/**
 * Reschedule, start now and cancel need a role that acts on calls and a pending call: one waiting
 * for its time or for its next attempt. Otherwise the reason says why, in the words the operator
 * sees on the badge.
 */
export function callActionAvailability(call: Pick<CallDto, 'status' | 'nextAttemptAt'>, role: Role): ActionAvailability {
  const byRole = callCommandAvailability(role);
  if (!byRole.allowed) return byRole;
  if (isPending(call)) return { allowed: true };
  switch (call.status) {
    case 'dialing':
    case 'ringing':
    case 'in_progress':
      return { allowed: false, reason: `The call is under way (${CALL_STATUS_LABELS[call.status].toLowerCase()}).` };
    default:
      return { allowed: false, reason: `The call has ended (${CALL_STATUS_LABELS[call.status].toLowerCase()}).` };
  }
}
