import { decide, type CallCommand } from './call-commands';
import type { CallEvent } from './call-events';
import { CallFailureType } from './call-failures';
import { CALL_LIMITS } from './call-limits';
import { evolve, newCallState, type CallState } from './call-state';

const now = Date.parse('2026-11-24T10:00:00.000Z');
const at = (ms: number) => new Date(now + ms).toISOString();
const MINUTE = 60_000;

function call(...events: CallEvent[]): CallState {
  const created = newCallState({
    id: 'c1',
    accountId: 'a1',
    phoneNumber: '+14155550123',
    note: null,
    scheduledAt: at(60 * MINUTE),
    maxAttempts: 3,
    retryDelaySeconds: 300,
    createdAt: at(0),
  });
  return events.reduce((state, event) => evolve(state, event, at(0)), created);
}

const dialing: CallEvent = { type: 'DialAttemptStarted', data: { attempt: 1 } };
const waitingToRetry: CallEvent = { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: at(5 * MINUTE) } };
const reschedule = (scheduledAt: string): CallCommand => ({ type: 'reschedule', scheduledAt });

describe('decide', () => {
  describe('a pending call', () => {
    it.each([
      ['scheduled', call()],
      ['waiting to retry', call(dialing, waitingToRetry)],
    ])('moves a %s call to the time asked, written as an instant', (_, state) => {
      expect(decide(state, reschedule('2026-11-24T12:00:00+01:00'), { now, reschedules: 0 })).toEqual({
        accepted: true,
        event: { type: 'CallRescheduled', data: { scheduledAt: '2026-11-24T11:00:00.000Z', startNow: false } },
      });
    });

    it('starts now at the time of the decision', () => {
      expect(decide(call(), { type: 'startNow' }, { now, reschedules: 0 })).toEqual({
        accepted: true,
        event: { type: 'CallRescheduled', data: { scheduledAt: at(0), startNow: true } },
      });
    });

    it.each([
      ['reschedule', reschedule(at(MINUTE)), 'CallRescheduled'],
      ['startNow', { type: 'startNow' } as CallCommand, 'CallRescheduled'],
      ['cancel', { type: 'cancel', reason: 'not needed' } as CallCommand, 'CallCancelled'],
    ])('records who sent %s in its event', (_, command, type) => {
      const by = { kind: 'user', id: 'u1', name: 'Ada Lovelace' } as const;

      expect(decide(call(), { ...command, by }, { now, reschedules: 0 })).toEqual({ accepted: true, event: { type, data: expect.objectContaining({ by }) } });
    });

    it('cancels with the reason given', () => {
      expect(decide(call(dialing, waitingToRetry), { type: 'cancel', reason: 'not needed' }, { now, reschedules: 0 })).toEqual({
        accepted: true,
        event: { type: 'CallCancelled', data: { reason: 'not needed' } },
      });
    });

    it.each([
      ['a time that is not one', 'soon', 'scheduledAt is not a valid time'],
      ['a time past the tolerance', at(-CALL_LIMITS.pastToleranceMs - 1), 'scheduledAt is in the past'],
      ['a time over a year ahead', at(CALL_LIMITS.maxScheduleAheadMs + 1), 'scheduledAt is too far ahead'],
    ])('refuses %s as InvalidSchedule', (_, scheduledAt, message) => {
      expect(decide(call(), reschedule(scheduledAt), { now, reschedules: 0 })).toEqual({
        accepted: false,
        rejection: CallFailureType.InvalidSchedule,
        message,
      });
    });

    it("refuses a time after the call's deadline, and takes one at it", () => {
      const withDeadline: CallState = { ...call(), latestAt: at(90 * MINUTE) };
      expect(decide(withDeadline, reschedule(at(90 * MINUTE)), { now, reschedules: 0 }).accepted).toBe(true);
      expect(decide(withDeadline, reschedule(at(91 * MINUTE)), { now, reschedules: 0 })).toEqual({
        accepted: false,
        rejection: CallFailureType.InvalidSchedule,
        message: `scheduledAt is after the call's deadline, latestAt ${at(90 * MINUTE)}`,
      });
    });

    it('records a start-now that overrides the calling window', () => {
      expect(decide(call(), { type: 'startNow', overrideWindow: true }, { now, reschedules: 0 })).toEqual({
        accepted: true,
        event: { type: 'CallRescheduled', data: { scheduledAt: at(0), startNow: true, overrideWindow: true } },
      });
    });

    it('takes a time just inside the past tolerance', () => {
      expect(decide(call(), reschedule(at(-CALL_LIMITS.pastToleranceMs)), { now, reschedules: 0 }).accepted).toBe(true);
    });

    it(`refuses a reschedule past the ${CALL_LIMITS.maxReschedules}th, and still takes start-now and cancel`, () => {
      const context = { now, reschedules: CALL_LIMITS.maxReschedules };
      expect(decide(call(), reschedule(at(MINUTE)), { ...context, reschedules: CALL_LIMITS.maxReschedules - 1 }).accepted).toBe(true);
      expect(decide(call(), reschedule(at(MINUTE)), context)).toMatchObject({ accepted: false, rejection: CallFailureType.RescheduleLimitReached });
      expect(decide(call(), { type: 'startNow' }, context).accepted).toBe(true);
      expect(decide(call(), { type: 'cancel', reason: 'done' }, context).accepted).toBe(true);
    });
  });

  describe('a call that is no longer pending', () => {
    it.each([
      ['dialing', call(dialing)],
      ['ringing', call(dialing, { type: 'CallRinging', data: {} })],
      ['completed', call(dialing, { type: 'CallCompleted', data: { durationSeconds: 3 } })],
      ['failed', call(dialing, { type: 'CallFailed', data: { reason: 'rejected' } })],
      ['cancelled', call({ type: 'CallCancelled', data: { reason: 'done' } })],
      ['unanswered with no attempt left', call(dialing, { type: 'CallUnanswered', data: { outcome: 'no_answer', nextAttemptAt: null } })],
    ])('refuses every command to a %s call as NotPending', (_, state) => {
      const commands: CallCommand[] = [reschedule(at(MINUTE)), { type: 'startNow' }, { type: 'cancel', reason: 'too late' }];
      for (const command of commands) {
        expect(decide(state, command, { now, reschedules: 0 })).toEqual({
          accepted: false,
          rejection: CallFailureType.NotPending,
          message: expect.stringContaining(`is ${state.status} and no longer pending`),
        });
      }
    });
  });
});
