import type { Actor, CallEvent, CallEventDto } from '@call-scheduler/shared';
import { formatDateTime } from '../../lib/date-time';
import { CALL_STATUS_LABELS } from './call-status-labels';
import { describeDialHoldEvent } from './dial-hold-description';
import { describeCallingWindow } from './window-description';

/**
 * One timeline entry in words: "Dial attempt 2 started", "No answer; next attempt 25 Nov, 10:05",
 * "Cancelled by Ada Lovelace: …". Commands say who gave them, when the event records it.
 */
export function describeCallEvent(event: CallEventDto, timeZone: string): string {
  const { type, data } = event as unknown as CallEvent;
  switch (type) {
    case 'CallScheduled': {
      const window = data.window ? `; rings only ${describeCallingWindow(data.window)}` : '';
      const deadline = data.latestAt ? `; expires if not placed by ${formatDateTime(data.latestAt, timeZone)}` : '';
      return `Scheduled${byWhom(data.by)} for ${formatDateTime(data.scheduledAt, timeZone)}, up to ${data.maxAttempts} attempts${window}${deadline}`;
    }
    case 'CallRescheduled':
      if (!data.startNow) return `Rescheduled${byWhom(data.by)} to ${formatDateTime(data.scheduledAt, timeZone)}`;
      return `Started now${byWhom(data.by)}${data.overrideWindow ? ', overriding the calling window' : ''}`;
    case 'CallWaitingForWindow':
      return `Waiting for ${data.localTime} in ${data.timeZone}, when its calling window opens (${formatDateTime(data.opensAt, timeZone)})`;
    case 'CallExpired':
      return `Expired: ${data.reason}`;
    case 'CallBlocked':
      return `Blocked before dialling: ${data.reason}`;
    case 'DialAttemptStarted':
      return `Dial attempt ${data.attempt} started`;
    case 'DialOutcomeUnknown':
      return `Not known whether the provider took the call (${data.reason}); asking it again with the same key until ${formatDateTime(data.askingUntil, timeZone)}`;
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
      return `Cancelled${byWhom(data.by)}: ${data.reason}`;
    case 'DialHeldByLimit':
      return describeDialHoldEvent(data, timeZone);
    default: {
      const unknown: never = type;
      return String(unknown);
    }
  }
}

/** " by Ada Lovelace", " by key ci-bot", or nothing for a change the service made itself. */
function byWhom(by: Actor | undefined): string {
  if (!by) return '';
  return by.kind === 'key' ? ` by key ${by.name}` : ` by ${by.name}`;
}
