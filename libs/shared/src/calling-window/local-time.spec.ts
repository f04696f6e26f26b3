import { DateTime, IANAZone } from 'luxon';
import { instantOfLocalTime, localDateOf } from './local-time';

function resolve(timeZone: string, date: string, time: string): string {
  const instant = instantOfLocalTime(IANAZone.create(timeZone), DateTime.fromISO(date, { zone: 'utc' }), time);
  return new Date(instant).toISOString();
}

describe('instantOfLocalTime', () => {
  it.each([
    ['an ordinary New York time', 'America/New_York', '2026-03-07', '09:00', '2026-03-07T09:00:00-05:00'],
    ['New York: a time the clocks skip is the jump', 'America/New_York', '2026-03-08', '02:30', '2026-03-08T03:00:00-04:00'],
    ['New York: the jump itself', 'America/New_York', '2026-03-08', '03:00', '2026-03-08T03:00:00-04:00'],
    ['New York: the last minute before the jump', 'America/New_York', '2026-03-08', '01:59', '2026-03-08T01:59:00-05:00'],
    ['New York: a repeated time is its first occurrence', 'America/New_York', '2026-11-01', '01:30', '2026-11-01T01:30:00-04:00'],
    ['New York: the end of the repeated hour', 'America/New_York', '2026-11-01', '02:00', '2026-11-01T02:00:00-05:00'],
    ['London: a skipped time', 'Europe/London', '2026-03-29', '01:30', '2026-03-29T02:00:00+01:00'],
    ['London: a repeated time', 'Europe/London', '2026-10-25', '01:30', '2026-10-25T01:30:00+01:00'],
    ['Sydney: a repeated time', 'Australia/Sydney', '2026-04-05', '02:30', '2026-04-05T02:30:00+11:00'],
    ['Sydney: a skipped time', 'Australia/Sydney', '2026-10-04', '02:30', '2026-10-04T03:00:00+11:00'],
    ['Lord Howe: a time in the 30-minute repeat', 'Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-05T01:45:00+11:00'],
    ['Lord Howe: a time in the 30-minute gap', 'Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-04T02:30:00+11:00'],
    ['Kolkata: a half-hour offset', 'Asia/Kolkata', '2026-06-01', '08:00', '2026-06-01T08:00:00+05:30'],
  ])('%s', (_case, timeZone, date, time, expected) => {
    expect(resolve(timeZone, date, time)).toBe(new Date(expected).toISOString());
  });
});

describe('localDateOf', () => {
  it.each([
    ['America/New_York', '2026-11-01T01:30:00-05:00', '2026-11-01'],
    ['Asia/Kolkata', '2026-06-01T18:29:59Z', '2026-06-01'],
    ['Asia/Kolkata', '2026-06-01T18:30:00Z', '2026-06-02'],
    ['Australia/Lord_Howe', '2026-10-03T13:30:00Z', '2026-10-04'],
  ])('in %s, %s falls on %s', (timeZone, at, date) => {
    expect(localDateOf(IANAZone.create(timeZone), new Date(at)).toISODate()).toBe(date);
  });
});
