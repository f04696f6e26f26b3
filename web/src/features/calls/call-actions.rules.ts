import { isPending, type CallDto } from '@call-scheduler/shared';
import { CALL_STATUS_LABELS } from './call-status-labels';

export type ActionAvailability = { allowed: true } | { allowed: false; reason: string };

/**
 * Reschedule, start now and cancel all need a pending call: one waiting for its time or for its
 * next attempt. Otherwise the reason says why, in the words the operator sees on the badge.
 */
export function callActionAvailability(call: Pick<CallDto, 'status' | 'nextAttemptAt'>): ActionAvailability {
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
