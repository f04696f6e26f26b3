import type { Actor } from './accounts';
import type { RetryableOutcome } from './call-status';
import type { CallingWindow } from './calling-window/calling-window';

/** Why a due call waits instead of dialling: its account's spend cap has no room. */
export type DialHold = {
  limit: 'hourly' | 'daily' | 'concurrent';
  reason: string;
  /** When room is expected; null when it depends on calls in progress ending. */
  retryAt: string | null;
};

/** Why a due call waits: its time falls outside its calling window, which opens next at `opensAt`. */
export type WindowWait = {
  opensAt: string;
  /** The callee's zone, and the local time there at which the window opens, as the timeline shows it. */
  timeZone: string;
  localTime: string;
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
        /** Absent when the call may ring at any hour. */
        window?: CallingWindow;
        /** Absent when the call has no deadline. */
        latestAt?: string;
        by?: Actor;
      };
    }
  | { type: 'CallRescheduled'; data: { scheduledAt: string; startNow: boolean; overrideWindow?: true; by?: Actor } }
  | { type: 'CallWaitingForWindow'; data: WindowWait }
  | { type: 'DialHeldByLimit'; data: DialHold }
  | { type: 'DialAttemptStarted'; data: { attempt: number } }
  | { type: 'DialOutcomeUnknown'; data: { reason: string; askingUntil: string } }
  | { type: 'ProviderAccepted'; data: { externalCallId: string } }
  | { type: 'CallRinging'; data: Record<string, never> }
  | { type: 'CallAnswered'; data: Record<string, never> }
  | { type: 'CallCompleted'; data: { durationSeconds: number } }
  | { type: 'CallUnanswered'; data: { outcome: RetryableOutcome; nextAttemptAt: string | null } }
  | { type: 'CallFailed'; data: { reason: string } }
  | { type: 'CallCancelled'; data: { reason: string; by?: Actor } }
  | { type: 'CallExpired'; data: { reason: string } }
  | { type: 'CallBlocked'; data: { reason: string } };

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
  'CallWaitingForWindow',
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
  'CallExpired',
  'CallBlocked',
] as const satisfies readonly CallEventType[];

// Fails to compile when an event type is missing from the list above.
const _everyEventTypeListed: Exclude<CallEventType, (typeof CALL_EVENT_TYPES)[number]> extends never ? true : never = true;
