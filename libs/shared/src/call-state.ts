import type { Actor } from './accounts';
import type { CallEvent, DialHold } from './call-events';
import type { CallStatus } from './call-status';
import type { CallingWindow } from './calling-window/calling-window';

/** The state of one call after its events so far; `version` is the seq of the last event applied. */
export interface CallState {
  id: string;
  /** The account that owns the call. */
  accountId: string;
  phoneNumber: string;
  note: string | null;
  scheduledAt: string;
  status: CallStatus;
  attempt: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  nextAttemptAt: string | null;
  externalCallId: string | null;
  lastError: string | null;
  /** Set while the call is due but its account's spend cap holds its dial back. */
  dialHold: DialHold | null;
  /** When the call may ring, on the callee's clock; null: at any hour. */
  window: CallingWindow | null;
  /** The deadline: a call not placed by then ends expired; null: none. */
  latestAt: string | null;
  /** Set while the next dial waits for the window to open: the dial is due then. */
  windowOpensAt: string | null;
  /** Set by a start-now that overrides the window, until that dial starts. */
  windowOverridden: boolean;
  /** The schedule whose run made the call; null for a call made on its own. */
  scheduleId: string | null;
  /** The batch (a bulk upload) the call was created in; null for a call made on its own. */
  batchId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NewCall {
  id: string;
  accountId: string;
  phoneNumber: string;
  note: string | null;
  scheduledAt: string;
  maxAttempts: number;
  retryDelaySeconds: number;
  createdAt: string;
  window?: CallingWindow | null;
  latestAt?: string | null;
  scheduleId?: string | null;
  batchId?: string | null;
  /** Who asked for the call. */
  by?: Actor;
}

/** The state a call has before any event: what the API shows between accepting a call and its first event. */
export function newCallState({ by: _by, window, latestAt, scheduleId, batchId, ...call }: NewCall): CallState {
  return {
    ...call,
    scheduleId: scheduleId ?? null,
    batchId: batchId ?? null,
    window: window ?? null,
    latestAt: latestAt ?? null,
    windowOpensAt: null,
    windowOverridden: false,
    status: 'scheduled',
    attempt: 0,
    nextAttemptAt: null,
    externalCallId: null,
    lastError: null,
    dialHold: null,
    updatedAt: call.createdAt,
    version: 0,
  };
}

/** Pending: nothing is dialing and a dial is still to come, so the call may be rescheduled, started or cancelled. */
export function isPending(call: Pick<CallState, 'status' | 'nextAttemptAt'>): boolean {
  if (call.status === 'scheduled') return true;
  return (call.status === 'no_answer' || call.status === 'busy') && call.nextAttemptAt !== null;
}

export function isTerminal(call: Pick<CallState, 'status' | 'nextAttemptAt'>): boolean {
  switch (call.status) {
    case 'completed':
    case 'failed':
    case 'cancelled':
    case 'expired':
    case 'blocked':
      return true;
    case 'no_answer':
    case 'busy':
      return call.nextAttemptAt === null;
    default:
      return false;
  }
}

/** When the next dial is due, for a pending call: when its window opens, if it waits for that. */
export function nextDialAt(call: CallState): string {
  // States of runs from before windows lack the field.
  if (call.windowOpensAt) return call.windowOpensAt;
  return call.status === 'scheduled' ? call.scheduledAt : (call.nextAttemptAt ?? call.scheduledAt);
}

/**
 * The state after one more event. A call that has ended stays as it ended: an event after that
 * changes nothing, not even the version, so whoever appends events can tell it was not taken.
 */
export function evolve(state: CallState, event: CallEvent, at: string): CallState {
  if (isTerminal(state)) return state;
  const next = { ...state, version: state.version + 1, updatedAt: at };
  switch (event.type) {
    case 'CallScheduled': {
      const { phoneNumber, note, scheduledAt, maxAttempts, retryDelaySeconds, window, latestAt } = event.data;
      return {
        ...next,
        phoneNumber,
        note,
        scheduledAt,
        maxAttempts,
        retryDelaySeconds,
        window: window ?? null,
        latestAt: latestAt ?? null,
        status: 'scheduled',
      };
    }
    case 'CallRescheduled': {
      const moved = { ...next, dialHold: null, windowOpensAt: null, windowOverridden: event.data.overrideWindow === true };
      return state.status === 'scheduled' ? { ...moved, scheduledAt: event.data.scheduledAt } : { ...moved, nextAttemptAt: event.data.scheduledAt };
    }
    case 'CallWaitingForWindow':
      // A dial the spend cap held until its window closed now waits for the window, not for the cap.
      return { ...next, windowOpensAt: event.data.opensAt, dialHold: null };
    case 'DialHeldByLimit':
      return { ...next, dialHold: event.data };
    case 'DialAttemptStarted':
      return {
        ...next,
        status: 'dialing',
        attempt: event.data.attempt,
        nextAttemptAt: null,
        externalCallId: null,
        dialHold: null,
        windowOpensAt: null,
        windowOverridden: false,
      };
    case 'DialOutcomeUnknown':
      return { ...next, lastError: event.data.reason };
    case 'ProviderAccepted':
      return { ...next, externalCallId: event.data.externalCallId, lastError: null };
    case 'CallRinging':
      return { ...next, status: 'ringing' };
    case 'CallAnswered':
      return { ...next, status: 'in_progress' };
    case 'CallCompleted':
      return { ...next, status: 'completed', lastError: null };
    case 'CallUnanswered':
      return { ...next, status: event.data.outcome, nextAttemptAt: event.data.nextAttemptAt };
    case 'CallFailed':
      return { ...next, status: 'failed', nextAttemptAt: null, lastError: event.data.reason };
    case 'CallCancelled':
      return { ...next, status: 'cancelled', nextAttemptAt: null, dialHold: null, windowOpensAt: null };
    case 'CallExpired':
      return { ...next, status: 'expired', nextAttemptAt: null, dialHold: null, windowOpensAt: null, lastError: event.data.reason };
    case 'CallBlocked':
      return { ...next, status: 'blocked', nextAttemptAt: null, dialHold: null, windowOpensAt: null, lastError: event.data.reason };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown call event ${JSON.stringify(unknown)}`);
    }
  }
}
