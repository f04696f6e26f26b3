import type { Actor } from './accounts';
import type { CallEvent } from './call-events';
import { CallFailureType } from './call-failures';
import { CALL_LIMITS } from './call-limits';
import { isPending, type CallState } from './call-state';

/** What a caller may ask of a call. Each is decided against the call's state at the moment it is taken. */
export type CallCommand =
  | { type: 'reschedule'; scheduledAt: string; by?: Actor }
  | { type: 'startNow'; overrideWindow?: boolean; by?: Actor }
  | { type: 'cancel'; reason: string; by?: Actor };

export type CommandRejectionType = Exclude<CallFailureType, typeof CallFailureType.ProviderRejected>;

export type Decision =
  | { accepted: true; event: CallEvent }
  | { accepted: false; rejection: CommandRejectionType; message: string };

export interface DecisionContext {
  /** The current time, in milliseconds: the workflow's clock, so a replay decides the same. */
  now: number;
  /** Reschedules the call has taken so far. */
  reschedules: number;
}

/** The event a command makes, or why it is refused; pure, so the workflow's validator and handler agree. */
export function decide(state: CallState, command: CallCommand, { now, reschedules }: DecisionContext): Decision {
  if (!isPending(state)) return reject(CallFailureType.NotPending, `The call is ${state.status} and no longer pending`);
  switch (command.type) {
    case 'reschedule': {
      if (reschedules >= CALL_LIMITS.maxReschedules) {
        return reject(CallFailureType.RescheduleLimitReached, `The call was rescheduled ${reschedules} times, the most a call may be`);
      }
      const at = Date.parse(command.scheduledAt);
      const problem = schedulingProblem(at, now, state.latestAt ?? null);
      if (problem) return reject(CallFailureType.InvalidSchedule, `scheduledAt ${problem}`);
      return accept({ type: 'CallRescheduled', data: { scheduledAt: new Date(at).toISOString(), startNow: false, ...byOf(command) } });
    }
    case 'startNow': {
      const override = command.overrideWindow ? { overrideWindow: true as const } : {};
      return accept({ type: 'CallRescheduled', data: { scheduledAt: new Date(now).toISOString(), startNow: true, ...override, ...byOf(command) } });
    }
    case 'cancel':
      return accept({ type: 'CallCancelled', data: { reason: command.reason, ...byOf(command) } });
    default: {
      const unknown: never = command;
      throw new Error(`Unknown call command ${JSON.stringify(unknown)}`);
    }
  }
}

function schedulingProblem(at: number, now: number, latestAt: string | null): string | null {
  if (Number.isNaN(at)) return 'is not a valid time';
  if (at < now - CALL_LIMITS.pastToleranceMs) return 'is in the past';
  if (at > now + CALL_LIMITS.maxScheduleAheadMs) return 'is too far ahead';
  if (latestAt !== null && at > Date.parse(latestAt)) return `is after the call's deadline, latestAt ${latestAt}`;
  return null;
}

/** Who gave the command, when known; commands from before accounts carry no one. */
function byOf({ by }: CallCommand): { by?: Actor } {
  return by ? { by } : {};
}

function accept(event: CallEvent): Decision {
  return { accepted: true, event };
}

function reject(rejection: CommandRejectionType, message: string): Decision {
  return { accepted: false, rejection, message };
}
