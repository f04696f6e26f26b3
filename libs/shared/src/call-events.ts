import type { Actor } from './accounts';
import type { RetryableOutcome } from './call-status';

/** Why a due call waits instead of dialling: its account's spend cap has no room. */
export type DialHold = {
  limit: 'hourly' | 'daily' | 'concurrent';
  reason: string;
  /** When room is expected; null when it depends on calls in progress ending. */
  retryAt: string | null;
};

/** Domain events, one per state change; `seq` orders them within a call. */
export type CallEvent =
  | {
      type: 'CallScheduled';
      data: {
        phoneNumber: string;
        note: string | null;
        scheduledAt: string;
        maxAttempts: number;
        retryDelaySeconds: number;
        by?: Actor;
      };
    }
  | { type: 'CallRescheduled'; data: { scheduledAt: string; startNow: boolean; by?: Actor } }
  | { type: 'DialHeldByLimit'; data: DialHold }
  | { type: 'DialAttemptStarted'; data: { attempt: number } }
  | { type: 'DialOutcomeUnknown'; data: { reason: string; askingUntil: string } }
  | { type: 'ProviderAccepted'; data: { externalCallId: string } }
  | { type: 'CallRinging'; data: Record<string, never> }
  | { type: 'CallAnswered'; data: Record<string, never> }
  | { type: 'CallCompleted'; data: { durationSeconds: number } }
  | { type: 'CallUnanswered'; data: { outcome: RetryableOutcome; nextAttemptAt: string | null } }
  | { type: 'CallFailed'; data: { reason: string } }
  | { type: 'CallCancelled'; data: { reason: string; by?: Actor } };

export type CallEventType = CallEvent['type'];

/** An event as it is stored and served: the event plus where it sits in its call's history. */
export type RecordedCallEvent = CallEvent & {
  callId: string;
  seq: number;
  occurredAt: string;
};

export const CALL_EVENT_TYPES = [
  'CallScheduled',
  'CallRescheduled',
  'DialHeldByLimit',
  'DialAttemptStarted',
  'DialOutcomeUnknown',
  'ProviderAccepted',
  'CallRinging',
  'CallAnswered',
  'CallCompleted',
  'CallUnanswered',
  'CallFailed',
  'CallCancelled',
] as const satisfies readonly CallEventType[];

// Fails to compile when an event type is missing from the list above.
const _everyEventTypeListed: Exclude<CallEventType, (typeof CALL_EVENT_TYPES)[number]> extends never ? true : never = true;
