import type { Actor, CallEvent } from '@call-scheduler/shared';
import { formatDateTime } from '../../lib/date-time';
import { makeEvents } from '../../testing/call-fixtures';
import { describeCallEvent } from './call-event-description';

const inWords = (event: CallEvent, timeZone = 'Europe/Berlin') => describeCallEvent(makeEvents(['2026-12-01T10:00:00.000Z', event])[0]!, timeZone);

const TEN_UTC = '2026-12-01T10:00:00.000Z';
/** 10:00 UTC as read in Berlin: 11:00, written the way this machine's locale writes dates. */
const ELEVEN_IN_BERLIN = formatDateTime(TEN_UTC, 'Europe/Berlin');
const ADA: Actor = { kind: 'user', id: 'user-1', name: 'Ada Lovelace' };
const CI_BOT: Actor = { kind: 'key', id: 'key-1', name: 'ci-bot' };

describe('describeCallEvent', () => {
  it.each<[string, CallEvent]>([
    [`Scheduled for ${ELEVEN_IN_BERLIN}, up to 3 attempts`, { type: 'CallScheduled', data: { phoneNumber: '+14155550123', note: null, scheduledAt: TEN_UTC, maxAttempts: 3, retryDelaySeconds: 300 } }],
    [`Rescheduled to ${ELEVEN_IN_BERLIN}`, { type: 'CallRescheduled', data: { scheduledAt: TEN_UTC, startNow: false } }],
    ['Started now', { type: 'CallRescheduled', data: { scheduledAt: TEN_UTC, startNow: true } }],
    ['Dial attempt 2 started', { type: 'DialAttemptStarted', data: { attempt: 2 } }],
    [
      `Not known whether the provider took the call (provider answered 503); asking it again with the same key until ${ELEVEN_IN_BERLIN}`,
      { type: 'DialOutcomeUnknown', data: { reason: 'provider answered 503', askingUntil: TEN_UTC } },
    ],
    ['Provider accepted the call (ext-42)', { type: 'ProviderAccepted', data: { externalCallId: 'ext-42' } }],
    ['Ringing', { type: 'CallRinging', data: {} }],
    ['Answered', { type: 'CallAnswered', data: {} }],
    ['Completed after 42 s', { type: 'CallCompleted', data: { durationSeconds: 42 } }],
    [`No answer; next attempt ${ELEVEN_IN_BERLIN}`, { type: 'CallUnanswered', data: { outcome: 'no_answer', nextAttemptAt: TEN_UTC } }],
    ['Busy; no attempts left', { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: null } }],
    ['Failed: provider rejected the number', { type: 'CallFailed', data: { reason: 'provider rejected the number' } }],
    ['Cancelled: cancelled by operator', { type: 'CallCancelled', data: { reason: 'cancelled by operator' } }],
    [
      "Blocked before dialling: +14155550123 is on the account's do-not-call list",
      { type: 'CallBlocked', data: { reason: "+14155550123 is on the account's do-not-call list" } },
    ],
  ])('says "%s"', (words, event) => {
    expect(inWords(event)).toBe(words);
  });

  it.each<[string, CallEvent]>([
    [`Scheduled by Ada Lovelace for ${ELEVEN_IN_BERLIN}, up to 3 attempts`, { type: 'CallScheduled', data: { phoneNumber: '+14155550123', note: null, scheduledAt: TEN_UTC, maxAttempts: 3, retryDelaySeconds: 300, by: ADA } }],
    [`Rescheduled by key ci-bot to ${ELEVEN_IN_BERLIN}`, { type: 'CallRescheduled', data: { scheduledAt: TEN_UTC, startNow: false, by: CI_BOT } }],
    ['Started now by Ada Lovelace', { type: 'CallRescheduled', data: { scheduledAt: TEN_UTC, startNow: true, by: ADA } }],
    ['Cancelled by Ada Lovelace: cancelled by request', { type: 'CallCancelled', data: { reason: 'cancelled by request', by: ADA } }],
    ['Cancelled by key ci-bot: cancelled by request', { type: 'CallCancelled', data: { reason: 'cancelled by request', by: CI_BOT } }],
  ])('says who gave the command: "%s"', (words, event) => {
    expect(inWords(event)).toBe(words);
  });

  it.each<[string, CallEvent]>([
    [
      `Held by the hourly dial limit: 200 dials in the last hour; next try ${ELEVEN_IN_BERLIN}`,
      { type: 'DialHeldByLimit', data: { limit: 'hourly', reason: '200 dials in the last hour', retryAt: TEN_UTC } },
    ],
    [
      `Held by the daily dial limit: 2000 dials today; next try ${ELEVEN_IN_BERLIN}`,
      { type: 'DialHeldByLimit', data: { limit: 'daily', reason: '2000 dials today', retryAt: TEN_UTC } },
    ],
    [
      'Held by the limit on calls in progress: 20 calls in progress; dials once a call in progress ends',
      { type: 'DialHeldByLimit', data: { limit: 'concurrent', reason: '20 calls in progress', retryAt: null } },
    ],
  ])('says why a dial was held and when it tries again: "%s"', (words, event) => {
    expect(inWords(event)).toBe(words);
  });

  it('shows times in the zone given', () => {
    const event: CallEvent = { type: 'CallRescheduled', data: { scheduledAt: '2026-12-01T20:00:00.000Z', startNow: false } };
    // 20:00 UTC is 01:30 the next day in Kolkata, 15:00 the same day in New York.
    expect(inWords(event, 'Asia/Kolkata')).toMatch(/^Rescheduled to .*\b(1:30\s?AM|01:30)$/);
    expect(inWords(event, 'America/New_York')).toMatch(/^Rescheduled to .*\b(3:00\s?PM|15:00)$/);
  });
});
