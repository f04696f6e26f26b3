import type { CallEvent } from '@call-scheduler/shared';
import { formatDateTime } from '../../lib/date-time';
import { makeEvents } from '../../testing/call-fixtures';
import { describeCallEvent } from './call-event-description';

const inWords = (event: CallEvent, timeZone = 'Europe/Berlin') => describeCallEvent(makeEvents(['2026-12-01T10:00:00.000Z', event])[0]!, timeZone);

const TEN_UTC = '2026-12-01T10:00:00.000Z';
/** 10:00 UTC as read in Berlin: 11:00, written the way this machine's locale writes dates. */
const ELEVEN_IN_BERLIN = formatDateTime(TEN_UTC, 'Europe/Berlin');

describe('describeCallEvent', () => {
  it.each<[string, CallEvent]>([
    [`Scheduled for ${ELEVEN_IN_BERLIN}, up to 3 attempts`, { type: 'CallScheduled', data: { phoneNumber: '+14155550123', note: null, scheduledAt: TEN_UTC, maxAttempts: 3, retryDelaySeconds: 300 } }],
    [`Rescheduled to ${ELEVEN_IN_BERLIN}`, { type: 'CallRescheduled', data: { scheduledAt: TEN_UTC, startNow: false } }],
    ['Started now', { type: 'CallRescheduled', data: { scheduledAt: TEN_UTC, startNow: true } }],
    ['Dial attempt 2 started', { type: 'DialAttemptStarted', data: { attempt: 2 } }],
    ['Provider accepted the call (ext-42)', { type: 'ProviderAccepted', data: { externalCallId: 'ext-42' } }],
    ['Ringing', { type: 'CallRinging', data: {} }],
    ['Answered', { type: 'CallAnswered', data: {} }],
    ['Completed after 42 s', { type: 'CallCompleted', data: { durationSeconds: 42 } }],
    [`No answer; next attempt ${ELEVEN_IN_BERLIN}`, { type: 'CallUnanswered', data: { outcome: 'no_answer', nextAttemptAt: TEN_UTC } }],
    ['Busy; no attempts left', { type: 'CallUnanswered', data: { outcome: 'busy', nextAttemptAt: null } }],
    ['Failed: provider rejected the number', { type: 'CallFailed', data: { reason: 'provider rejected the number' } }],
    ['Cancelled: cancelled by operator', { type: 'CallCancelled', data: { reason: 'cancelled by operator' } }],
  ])('says "%s"', (words, event) => {
    expect(inWords(event)).toBe(words);
  });

  it('shows times in the zone given', () => {
    const event: CallEvent = { type: 'CallRescheduled', data: { scheduledAt: '2026-12-01T20:00:00.000Z', startNow: false } };
    // 20:00 UTC is 01:30 the next day in Kolkata, 15:00 the same day in New York.
    expect(inWords(event, 'Asia/Kolkata')).toMatch(/^Rescheduled to .*\b(1:30\s?AM|01:30)$/);
    expect(inWords(event, 'America/New_York')).toMatch(/^Rescheduled to .*\b(3:00\s?PM|15:00)$/);
  });
});
