import { evolve, isPending, isTerminal, newCallState, nextDialAt, type CallState } from './call-state';
import type { CallEvent } from './call-events';

const at = '2026-11-24T10:00:00.000Z';
const later = '2026-11-24T10:05:00.000Z';

function scheduled(): CallState {
  return newCallState({
    id: 'c1',
    accountId: 'a1',
    phoneNumber: '+14155550123',
    note: null,
    scheduledAt: at,
    maxAttempts: 3,
    retryDelaySeconds: 300,
    createdAt: at,
  });
}

function apply(state: CallState, ...events: CallEvent[]): CallState {
  return events.reduce((s, e) => evolve(s, e, later), state);
}

describe('evolve', () => {
  it('counts a version per event and stamps the time', () => {
    const s = apply(scheduled(), { type: 'DialAttemptStarted', data: { attempt: 1 } });
    expect(s.version).toBe(1);
    expect(s.updatedAt).toBe(later);
  });

  it('takes the scheduled data from CallScheduled', () => {
    const s = apply(scheduled(), {
      type: 'CallScheduled',
      data: { phoneNumber: '+442071838750', note: 'hi', scheduledAt: later, maxAttempts: 5, retryDelaySeconds: 60 },
    });
    expect(s).toMatchObject({ status: 'scheduled', phoneNumber: '+442071838750', note: 'hi', scheduledAt: later, maxAttempts: 5, retryDelaySeconds: 60 });
  });

  it('keeps who scheduled the call in the event, not in the state', () => {
    const by = { kind: 'key', id: 'k1', name: 'ci-bot' } as const;
    const s = apply(scheduled(), { type: 'CallScheduled', data: { phoneNumber: '+14155550123', note: null, scheduledAt: at, maxAttempts: 3, retryDelaySeconds: 300, by } });
    expect(s).not.toHaveProperty('by');
  });

  it('marks a due call held by its spend cap, and clears the mark when it dials, moves or is cancelled', () => {
    const hold = { limit: 'hourly', reason: 'The limit of 7 dials per hour is reached', retryAt: later } as const;
    const held = apply(scheduled(), { type: 'DialHeldByLimit', data: hold });

    expect(held).toMatchObject({ status: 'scheduled', dialHold: hold });
    expect(apply(held, { type: 'DialAttemptStarted', data: { attempt: 1 } }).dialHold).toBeNull();
    expect(apply(held, { type: 'CallRescheduled', data: { scheduledAt: later, startNow: false } }).dialHold).toBeNull();
    expect(apply(held, { type: 'CallCancelled', data: { reason: 'no' } }).dialHold).toBeNull();
    expect(isPending(held)).toBe(true);
  });

  it('dials a call that waits for its calling window when it opens, until it dials, moves or ends', () => {
    const opensAt = '2026-11-25T14:00:00.000Z';
    const waiting = apply(scheduled(), { type: 'CallWaitingForWindow', data: { opensAt, timeZone: 'America/Chicago', localTime: '08:00' } });

    expect(waiting).toMatchObject({ status: 'scheduled', scheduledAt: at, windowOpensAt: opensAt });
    expect(nextDialAt(waiting)).toBe(opensAt);
    expect(apply(waiting, { type: 'DialAttemptStarted', data: { attempt: 1 } }).windowOpensAt).toBeNull();
    expect(apply(waiting, { type: 'CallRescheduled', data: { scheduledAt: later, startNow: false } })).toMatchObject({ windowOpensAt: null, scheduledAt: later });
    expect(apply(waiting, { type: 'CallCancelled', data: { reason: 'no' } }).windowOpensAt).toBeNull();
  });

  it('waits for the window, no longer for the spend cap, when a held dial finds its window closed', () => {
    const held = apply(scheduled(), { type: 'DialHeldByLimit', data: { limit: 'hourly', reason: 'Full', retryAt: later } });
    const waiting = apply(held, { type: 'CallWaitingForWindow', data: { opensAt: later, timeZone: 'UTC', localTime: '10:05' } });
    expect(waiting).toMatchObject({ dialHold: null, windowOpensAt: later });
  });

  it('keeps a start-now that overrides the window until its dial starts', () => {
    const overridden = apply(scheduled(), { type: 'CallRescheduled', data: { scheduledAt: later, startNow: true, overrideWindow: true } });
    expect(overridden.windowOverridden).toBe(true);
    expect(apply(overridden, { type: 'DialAttemptStarted', data: { attempt: 1 } }).windowOverridden).toBe(false);
  });

  it('ends an expired call for good, with the reason', () => {
    const expired = apply(scheduled(), { type: 'CallExpired', data: { reason: 'The deadline passed' } });
    expect(expired).toMatchObject({ status: 'expired', lastError: 'The deadline passed', nextAttemptAt: null });
    expect(isTerminal(expired)).toBe(true);
    expect(isPending(expired)).toBe(false);
  });

  it('ends a blocked call for good, with the reason, even while it waited to retry', () => {
    const waiting = apply(
      scheduled(),
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: later } },
    );
    const blocked = apply(waiting, { type: 'CallBlocked', data: { reason: 'On the do-not-call list' } });
    expect(blocked).toMatchObject({ status: 'blocked', lastError: 'On the do-not-call list', nextAttemptAt: null });
    expect(isTerminal(blocked)).toBe(true);
    expect(apply(blocked, { type: 'DialAttemptStarted', data: { attempt: 2 } })).toEqual(blocked);
  });

  it('moves the scheduled time of a call that has not dialed yet', () => {
    const s = apply(scheduled(), { type: 'CallRescheduled', data: { scheduledAt: later, startNow: false } });
    expect(s).toMatchObject({ scheduledAt: later, nextAttemptAt: null, status: 'scheduled' });
  });

  it('moves the next attempt of a call waiting to retry', () => {
    const s = apply(
      scheduled(),
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: at } },
      { type: 'CallRescheduled', data: { scheduledAt: later, startNow: false } },
    );
    expect(s).toMatchObject({ status: 'busy', scheduledAt: at, nextAttemptAt: later });
  });

  it('follows a dial through the provider to completion', () => {
    const steps: [CallEvent, Partial<CallState>][] = [
      [{ type: 'DialAttemptStarted', data: { attempt: 1 } }, { status: 'dialing', attempt: 1 }],
      [{ type: 'ProviderAccepted', data: { externalCallId: 'ext-1' } }, { status: 'dialing', externalCallId: 'ext-1' }],
      [{ type: 'CallRinging', data: {} }, { status: 'ringing' }],
      [{ type: 'CallAnswered', data: {} }, { status: 'in_progress' }],
      [{ type: 'CallCompleted', data: { durationSeconds: 12 } }, { status: 'completed' }],
    ];
    let s = scheduled();
    for (const [event, expected] of steps) {
      s = apply(s, event);
      expect(s).toMatchObject(expected);
    }
    expect(isTerminal(s)).toBe(true);
  });

  it('shows why a dial is not known to have reached the provider until the provider accepts it', () => {
    const unknown = apply(
      scheduled(),
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'DialOutcomeUnknown', data: { reason: 'provider answered 503', askingUntil: later } },
    );
    expect(unknown).toMatchObject({ status: 'dialing', attempt: 1, lastError: 'provider answered 503' });
    expect(isPending(unknown)).toBe(false);

    expect(apply(unknown, { type: 'ProviderAccepted', data: { externalCallId: 'ext-1' } })).toMatchObject({
      status: 'dialing',
      externalCallId: 'ext-1',
      lastError: null,
    });
  });

  it('keeps an unanswered call pending while a next attempt is planned', () => {
    const s = apply(
      scheduled(),
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'CallUnanswered', data: { outcome: 'no_answer', nextAttemptAt: later } },
    );
    expect(s).toMatchObject({ status: 'no_answer', nextAttemptAt: later });
    expect(isPending(s)).toBe(true);
    expect(isTerminal(s)).toBe(false);
  });

  it('ends an unanswered call when no attempt is left', () => {
    const s = apply(scheduled(), { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: null } });
    expect(isPending(s)).toBe(false);
    expect(isTerminal(s)).toBe(true);
  });

  it('records the reason of a failure', () => {
    const s = apply(scheduled(), { type: 'CallFailed', data: { reason: 'rejected: 400' } });
    expect(s).toMatchObject({ status: 'failed', lastError: 'rejected: 400' });
    expect(isTerminal(s)).toBe(true);
  });

  it('cancels a pending call and forgets its next attempt', () => {
    const s = apply(
      scheduled(),
      { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: later } },
      { type: 'CallCancelled', data: { reason: 'cancelled by user' } },
    );
    expect(s).toMatchObject({ status: 'cancelled', nextAttemptAt: null });
    expect(isTerminal(s)).toBe(true);
  });

  it('starts a new attempt from a clean slate', () => {
    const s = apply(
      scheduled(),
      { type: 'DialAttemptStarted', data: { attempt: 1 } },
      { type: 'ProviderAccepted', data: { externalCallId: 'ext-1' } },
      { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: later } },
      { type: 'DialAttemptStarted', data: { attempt: 2 } },
    );
    expect(s).toMatchObject({ status: 'dialing', attempt: 2, externalCallId: null, nextAttemptAt: null });
  });

  it.each<[string, CallEvent]>([
    ['completed', { type: 'CallCompleted', data: { durationSeconds: 12 } }],
    ['failed', { type: 'CallFailed', data: { reason: 'rejected' } }],
    ['cancelled', { type: 'CallCancelled', data: { reason: 'by request' } }],
    ['unanswered with no attempt left', { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: null } }],
  ])('keeps a %s call as it ended, whatever event comes after', (_, ending) => {
    const ended = apply(scheduled(), { type: 'DialAttemptStarted', data: { attempt: 1 } }, ending);
    const after: CallEvent[] = [
      { type: 'CallCancelled', data: { reason: 'late cancel' } },
      { type: 'CallRescheduled', data: { scheduledAt: later, startNow: false } },
      { type: 'DialAttemptStarted', data: { attempt: 2 } },
      { type: 'CallCompleted', data: { durationSeconds: 1 } },
    ];
    for (const event of after) expect(evolve(ended, event, later)).toBe(ended);
  });
});
