import type { CallEvent, CallEventDto } from '@call-scheduler/shared';
import { formatDateTime } from '../../lib/date-time';
import { CALL_STATUS_LABELS } from './call-status-labels';

/** One timeline entry in words: "Dial attempt 2 started", "No answer; next attempt 25 Nov, 10:05". */
export function describeCallEvent(event: CallEventDto, timeZone: string): string {
  const { type, data } = event as unknown as CallEvent;
  switch (type) {
    case 'CallScheduled':
      return `Scheduled for ${formatDateTime(data.scheduledAt, timeZone)}, up to ${data.maxAttempts} attempts`;
    case 'CallRescheduled':
      return data.startNow ? 'Started now' : `Rescheduled to ${formatDateTime(data.scheduledAt, timeZone)}`;
    case 'DialAttemptStarted':
      return `Dial attempt ${data.attempt} started`;
    case 'ProviderAccepted':
      return `Provider accepted the call (${data.externalCallId})`;
    case 'CallRinging':
      return 'Ringing';
    case 'CallAnswered':
      return 'Answered';
    case 'CallCompleted':
      return `Completed after ${data.durationSeconds} s`;
    case 'CallUnanswered': {
      const outcome = CALL_STATUS_LABELS[data.outcome];
      return data.nextAttemptAt ? `${outcome}; next attempt ${formatDateTime(data.nextAttemptAt, timeZone)}` : `${outcome}; no attempts left`;
    }
    case 'CallFailed':
      return `Failed: ${data.reason}`;
    case 'CallCancelled':
      return `Cancelled: ${data.reason}`;
    case 'DialHeldByLimit':
      return `Held back: ${data.reason}`;
    default: {
      const unknown: never = type;
      return String(unknown);
    }
  }
}
