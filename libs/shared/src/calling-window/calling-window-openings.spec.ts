import type { CallingWindow, Weekday } from './calling-window';
import { callingWindowAt, isInCallingWindow, nextCallingWindowOpening } from './calling-window-openings';

const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function window(timeZone: string, days: Weekday[], from: string, to: string): CallingWindow {
  return { timeZone, days, from, to };
}

const office = (timeZone: string) => window(timeZone, ['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '18:00');
const newYorkNights = window('America/New_York', WEEK, '22:00', '02:00');
/** Opens in the hour New York skips on 8 March 2026. */
const newYorkSpringGap = window('America/New_York', ['sun'], '02:30', '04:00');
/** Closes in that hour: 02:30 does not happen, so the window closes when the clocks jump. */
const newYorkClosesInGap = window('America/New_York', ['sat'], '22:00', '02:30');
/** Opens in the hour New York repeats on 1 November 2026. */
const newYorkAutumnRepeat = window('America/New_York', ['sun'], '01:30', '03:00');
/** Closes in that hour, at its first occurrence. */
const newYorkClosesInRepeat = window('America/New_York', ['sun'], '00:30', '01:30');
const londonSundayNight = window('Europe/London', ['sun'], '01:30', '03:00');
const sydneySundayNight = window('Australia/Sydney', ['sun'], '02:30', '04:00');
/** 02:15 is skipped on 4 October 2026, when Lord Howe moves its clocks on by 30 minutes. */
const lordHoweSpringGap = window('Australia/Lord_Howe', ['sun'], '02:15', '05:00');
/** 01:45 happens twice on 5 April 2026, when Lord Howe moves its clocks back by 30 minutes. */
const lordHoweAutumnRepeat = window('Australia/Lord_Howe', ['sun'], '01:45', '03:00');
const newYorkTuesdays = window('America/New_York', ['tue'], '10:00', '11:00');
/** Lies wholly in the hour New York skips on 8 March 2026. */
const newYorkVanishing = window('America/New_York', ['sun'], '02:10', '02:50');

describe('isInCallingWindow', () => {
  it.each([
    ['New York office: exactly at opening', '2026-03-09T08:00:00-04:00', true, office('America/New_York')],
    ['New York office: a second before opening', '2026-03-09T07:59:59-04:00', false, office('America/New_York')],
    ['New York office: a second before closing', '2026-03-09T17:59:59-04:00', true, office('America/New_York')],
    ['New York office: exactly at closing', '2026-03-09T18:00:00-04:00', false, office('America/New_York')],
    ['New York office: a Saturday', '2026-03-07T12:00:00-05:00', false, office('America/New_York')],
    ['London office: Monday after the clocks go forward', '2026-03-30T08:00:00+01:00', true, office('Europe/London')],
    ['London office: 07:30 BST, which is 06:30 GMT', '2026-03-30T07:30:00+01:00', false, office('Europe/London')],
    ['London office: Monday after the clocks go back', '2026-10-26T08:00:00+00:00', true, office('Europe/London')],
    ['London office: 07:30 GMT, which is 08:30 BST', '2026-10-26T07:30:00+00:00', false, office('Europe/London')],
    ['Sydney office: Friday before daylight saving ends', '2026-04-03T17:59:00+11:00', true, office('Australia/Sydney')],
    ['Sydney office: Monday after it ends', '2026-04-06T08:00:00+10:00', true, office('Australia/Sydney')],
    ['Kolkata office: 02:29:59Z is 07:59:59 local', '2026-06-01T02:29:59Z', false, office('Asia/Kolkata')],
    ['Kolkata office: 02:30Z is 08:00 local', '2026-06-01T02:30:00Z', true, office('Asia/Kolkata')],
    ['Kolkata office: 12:30Z is 18:00 local', '2026-06-01T12:30:00Z', false, office('Asia/Kolkata')],
    ['nights: at opening', '2026-03-09T22:00:00-04:00', true, newYorkNights],
    ['nights: 01:00, past midnight', '2026-03-10T01:00:00-04:00', true, newYorkNights],
    ['nights: exactly at closing the next day', '2026-03-10T02:00:00-04:00', false, newYorkNights],
    ['nights: 03:00', '2026-03-10T03:00:00-04:00', false, newYorkNights],
    ['spring gap opening: the jump', '2026-03-08T03:00:00-04:00', true, newYorkSpringGap],
    ['spring gap opening: just before the jump', '2026-03-08T01:59:59-05:00', false, newYorkSpringGap],
    ['spring gap closing: just before the jump', '2026-03-08T01:59:59-05:00', true, newYorkClosesInGap],
    ['spring gap closing: the jump', '2026-03-08T03:00:00-04:00', false, newYorkClosesInGap],
    ['spring gap closing: 03:15, open until 03:30 by luxon’s default', '2026-03-08T03:15:00-04:00', false, newYorkClosesInGap],
    ['autumn repeat opening: its first occurrence', '2026-11-01T01:30:00-04:00', true, newYorkAutumnRepeat],
    ['autumn repeat opening: 01:15 the first time', '2026-11-01T01:15:00-04:00', false, newYorkAutumnRepeat],
    ['autumn repeat opening: 01:15 the second time', '2026-11-01T01:15:00-05:00', true, newYorkAutumnRepeat],
    ['autumn repeat closing: 01:15 the first time', '2026-11-01T01:15:00-04:00', true, newYorkClosesInRepeat],
    ['autumn repeat closing: the first 01:30', '2026-11-01T01:30:00-04:00', false, newYorkClosesInRepeat],
    ['autumn repeat closing: 01:15 the second time', '2026-11-01T01:15:00-05:00', false, newYorkClosesInRepeat],
    ['a window wholly in the skipped hour', '2026-03-08T03:00:00-04:00', false, newYorkVanishing],
  ])('%s: %s → %s', (_case, at, inside, callingWindow) => {
    expect(isInCallingWindow(callingWindow, new Date(at))).toBe(inside);
  });

  it('refuses a window whose zone is unknown', () => {
    expect(() => isInCallingWindow(window('Fantasia/Castle', WEEK, '09:00', '17:00'), new Date())).toThrow('Fantasia/Castle');
  });
});

describe('nextCallingWindowOpening', () => {
  it.each([
    ['New York office: inside', '2026-03-09T12:00:00-04:00', office('America/New_York')],
    ['New York office: exactly at opening', '2026-03-09T08:00:00-04:00', office('America/New_York')],
    ['nights: past midnight', '2026-03-10T01:00:00-04:00', newYorkNights],
  ])('is `at` itself inside the window: %s, %s', (_case, at, callingWindow) => {
    const instant = new Date(at);
    expect(nextCallingWindowOpening(callingWindow, instant)).toBe(instant);
  });

  it.each([
    ['New York office: early morning', '2026-03-09T06:00:00-04:00', '2026-03-09T08:00:00-04:00', office('America/New_York')],
    ['New York office: at closing', '2026-03-09T18:00:00-04:00', '2026-03-10T08:00:00-04:00', office('America/New_York')],
    ['New York office: Friday evening, clocks forward that weekend', '2026-03-06T19:00:00-05:00', '2026-03-09T08:00:00-04:00', office('America/New_York')],
    ['London office: Friday evening, clocks back that weekend', '2026-10-23T18:00:00+01:00', '2026-10-26T08:00:00+00:00', office('Europe/London')],
    ['Sydney office: over the weekend daylight saving ends', '2026-04-03T18:00:00+11:00', '2026-04-06T08:00:00+10:00', office('Australia/Sydney')],
    ['Sydney office: over the weekend daylight saving starts', '2026-10-02T18:00:00+10:00', '2026-10-05T08:00:00+11:00', office('Australia/Sydney')],
    ['Lord Howe office: the weekend of a 30-minute shift', '2026-10-02T18:00:00+10:30', '2026-10-05T08:00:00+11:00', office('Australia/Lord_Howe')],
    ['Kolkata office: Friday 18:00 local, given in UTC', '2026-06-05T12:30:00Z', '2026-06-08T08:00:00+05:30', office('Asia/Kolkata')],
    ['nights: 03:00', '2026-03-10T03:00:00-04:00', '2026-03-10T22:00:00-04:00', newYorkNights],
    ['spring gap opening: the jump', '2026-03-07T12:00:00-05:00', '2026-03-08T03:00:00-04:00', newYorkSpringGap],
    ['autumn repeat opening: the first 01:30', '2026-11-01T00:00:00-04:00', '2026-11-01T01:30:00-04:00', newYorkAutumnRepeat],
    ['London: 01:30 in the skipped hour', '2026-03-28T12:00:00Z', '2026-03-29T02:00:00+01:00', londonSundayNight],
    ['London: 01:30 in the repeated hour', '2026-10-24T12:00:00Z', '2026-10-25T01:30:00+01:00', londonSundayNight],
    ['Sydney: 02:30 in the repeated hour', '2026-04-04T12:00:00+11:00', '2026-04-05T02:30:00+11:00', sydneySundayNight],
    ['Sydney: 02:30 in the skipped hour', '2026-10-03T12:00:00+10:00', '2026-10-04T03:00:00+11:00', sydneySundayNight],
    ['Lord Howe: 02:15 in the skipped half hour', '2026-10-03T12:00:00+10:30', '2026-10-04T02:30:00+11:00', lordHoweSpringGap],
    ['Lord Howe: 01:45 in the repeated half hour', '2026-04-04T12:00:00+11:00', '2026-04-05T01:45:00+11:00', lordHoweAutumnRepeat],
    ['a single day: at closing, a week ahead', '2026-03-10T11:00:00-04:00', '2026-03-17T10:00:00-04:00', newYorkTuesdays],
    ['a window wholly in the skipped hour: the week after', '2026-03-01T03:00:00-05:00', '2026-03-15T02:10:00-04:00', newYorkVanishing],
  ])('%s: %s → %s', (_case, at, opening, callingWindow) => {
    expect(nextCallingWindowOpening(callingWindow, new Date(at)).toISOString()).toBe(new Date(opening).toISOString());
  });

  it('refuses a window that opens on no day', () => {
    expect(() => nextCallingWindowOpening(window('America/New_York', [], '09:00', '17:00'), new Date())).toThrow('opens on no day');
  });
});

describe('callingWindowAt', () => {
  it.each([
    ['New York office: open until 18:00 that day', '2026-03-09T09:00:00-04:00', office('America/New_York'), '2026-03-09T18:00:00-04:00'],
    ['nights, past midnight: open until 02:00', '2026-03-10T01:00:00-04:00', newYorkNights, '2026-03-10T02:00:00-04:00'],
    ['a close in the skipped hour: the jump', '2026-03-08T01:00:00-05:00', newYorkClosesInGap, '2026-03-08T03:00:00-04:00'],
    ['a close in the repeated hour: its first occurrence', '2026-11-01T01:00:00-04:00', newYorkClosesInRepeat, '2026-11-01T01:30:00-04:00'],
  ])('%s', (_case, at, callingWindow, closesAt) => {
    expect(callingWindowAt(callingWindow, new Date(at))).toEqual({ open: true, closesAt: new Date(closesAt).toISOString() });
  });

  it.each([
    ['Chicago office on a Saturday: Monday 08:00', '2026-12-05T12:00:00-06:00', office('America/Chicago'), '2026-12-07T08:00:00-06:00', '08:00'],
    ['a spring-gap opening: shown at the local time of the jump', '2026-03-07T12:00:00-05:00', newYorkSpringGap, '2026-03-08T03:00:00-04:00', '03:00'],
    ['Kolkata, half an hour off UTC', '2026-06-05T12:30:00Z', office('Asia/Kolkata'), '2026-06-08T08:00:00+05:30', '08:00'],
  ])('%s', (_case, at, callingWindow, opensAt, localTime) => {
    expect(callingWindowAt(callingWindow, new Date(at))).toEqual({
      open: false,
      wait: { opensAt: new Date(opensAt).toISOString(), timeZone: callingWindow.timeZone, localTime },
    });
  });
});
