import { CALL_STATUSES, type CallStatus } from '@call-scheduler/shared';
import { callActionAvailability, callCommandAvailability } from './call-actions.rules';

const NEXT = '2026-11-25T10:05:00.000Z';

describe('callActionAvailability', () => {
  it.each([
    ['scheduled', null],
    ['no_answer', NEXT],
    ['busy', NEXT],
  ] as const)('allows every action on a pending call (%s, next attempt %s)', (status, nextAttemptAt) => {
    expect(callActionAvailability({ status, nextAttemptAt }, 'operator')).toEqual({ allowed: true });
  });

  it.each([
    ['dialing', 'The call is under way (dialing).'],
    ['ringing', 'The call is under way (ringing).'],
    ['in_progress', 'The call is under way (in progress).'],
  ] as const)('refuses while the call is under way (%s)', (status, reason) => {
    expect(callActionAvailability({ status, nextAttemptAt: null }, 'operator')).toEqual({ allowed: false, reason });
  });

  it.each([
    ['completed', 'The call has ended (completed).'],
    ['failed', 'The call has ended (failed).'],
    ['cancelled', 'The call has ended (cancelled).'],
    ['no_answer', 'The call has ended (no answer).'],
    ['busy', 'The call has ended (busy).'],
  ] as const)('refuses once the call has ended (%s, no attempt left)', (status, reason) => {
    expect(callActionAvailability({ status, nextAttemptAt: null }, 'operator')).toEqual({ allowed: false, reason });
  });

  it('has an answer for every status', () => {
    const pending = new Set<CallStatus>(['scheduled']);
    for (const status of CALL_STATUSES) {
      expect(callActionAvailability({ status, nextAttemptAt: null }, 'operator').allowed).toBe(pending.has(status));
    }
  });

  it('refuses a viewer every action, whatever the call, before anything else', () => {
    for (const status of CALL_STATUSES) {
      expect(callActionAvailability({ status, nextAttemptAt: NEXT }, 'viewer')).toEqual({ allowed: false, reason: 'Viewers can only read calls.' });
    }
  });
});

describe('callCommandAvailability', () => {
  it.each([
    ['admin', { allowed: true }],
    ['operator', { allowed: true }],
    ['viewer', { allowed: false, reason: 'Viewers can only read calls.' }],
  ] as const)('lets %s create calls or says why not', (role, availability) => {
    expect(callCommandAvailability(role)).toEqual(availability);
  });
});
