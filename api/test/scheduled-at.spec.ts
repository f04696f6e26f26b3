import { CALL_LIMITS } from '@call-scheduler/shared';
import { parseScheduledAt, schedulingWindowProblem } from '../src/calls/scheduled-at';

describe('parseScheduledAt', () => {
  it.each([
    { text: '2030-01-31T09:30:00Z', instant: '2030-01-31T09:30:00.000Z' },
    { text: '2030-01-31T09:30:00+01:00', instant: '2030-01-31T08:30:00.000Z' },
    { text: '2030-01-31T09:30:00-08:00', instant: '2030-01-31T17:30:00.000Z' },
    { text: '2030-01-31T09:30:00+05:45', instant: '2030-01-31T03:45:00.000Z' },
    { text: '2030-01-31T01:30:00+02:00', instant: '2030-01-30T23:30:00.000Z' },
    { text: '2030-12-31T23:30:00-01:00', instant: '2031-01-01T00:30:00.000Z' },
    { text: '2030-01-31T09:30:00+00:00', instant: '2030-01-31T09:30:00.000Z' },
    { text: '2030-01-31T09:30:00-00:00', instant: '2030-01-31T09:30:00.000Z' },
    { text: '2030-01-31T09:30:00+0100', instant: '2030-01-31T08:30:00.000Z' },
    { text: '2030-01-31T09:30Z', instant: '2030-01-31T09:30:00.000Z' },
    { text: '2030-01-31T09:30+01:00', instant: '2030-01-31T08:30:00.000Z' },
    { text: '2030-01-31T09:30:00.5Z', instant: '2030-01-31T09:30:00.500Z' },
    { text: '2030-01-31T09:30:00.25Z', instant: '2030-01-31T09:30:00.250Z' },
    { text: '2030-01-31T09:30:00.007Z', instant: '2030-01-31T09:30:00.007Z' },
    { text: '2030-01-31T09:30:00.123-08:00', instant: '2030-01-31T17:30:00.123Z' },
    // Python's isoformat() writes microseconds, Java's Instant nanoseconds: kept to the millisecond.
    { text: '2030-01-31T09:30:00.123456+00:00', instant: '2030-01-31T09:30:00.123Z' },
    { text: '2030-01-31T09:30:00.999999999Z', instant: '2030-01-31T09:30:00.999Z' },
    { text: '2030-01-31t09:30:00z', instant: '2030-01-31T09:30:00.000Z' },
    { text: '2028-02-29T12:00:00Z', instant: '2028-02-29T12:00:00.000Z' },
    { text: '2000-02-29T12:00:00Z', instant: '2000-02-29T12:00:00.000Z' },
    { text: '0099-03-01T00:00:00Z', instant: '0099-03-01T00:00:00.000Z' },
  ])('reads $text as $instant', ({ text, instant }) => {
    expect(parseScheduledAt(text)?.toISOString()).toBe(instant);
  });

  it.each([
    // Other ISO 8601 forms, which Date.parse cannot read.
    { name: 'hours only', text: '2026-12-04T10Z' },
    { name: 'a decimal comma', text: '2026-12-04T10:00:00,5Z' },
    { name: 'the basic format', text: '20261204T100000Z' },
    { name: 'a week date', text: '2026-W49-5T10:00:00Z' },
    { name: 'an ordinal date', text: '2026-338T10:00:00Z' },
    // Forms Date.parse would guess at.
    { name: 'no offset', text: '2030-01-31T09:30:00' },
    { name: 'a date only', text: '2030-01-31' },
    { name: 'a space for T', text: '2030-01-31 09:30:00Z' },
    { name: 'an hour-only offset', text: '2030-01-31T09:30:00+01' },
    { name: 'a six-digit year', text: '+002030-01-31T09:30:00Z' },
    { name: 'a time zone name', text: '2030-01-31T09:30:00 GMT' },
    { name: 'an English date', text: 'Jan 31 2030 09:30 GMT' },
    { name: 'epoch milliseconds', text: '1896082200000' },
    { name: 'surrounding spaces', text: ' 2030-01-31T09:30:00Z ' },
    { name: 'an empty string', text: '' },
    { name: 'a fraction finer than the nanosecond', text: '2030-01-31T09:30:00.1234567891Z' },
    { name: 'a point without digits', text: '2030-01-31T09:30:00.Z' },
    // Written correctly, but no such time.
    { name: '30 February', text: '2027-02-30T10:00:00Z' },
    { name: '29 February outside a leap year', text: '2027-02-29T10:00:00Z' },
    { name: '29 February 2100', text: '2100-02-29T10:00:00Z' },
    { name: '31 April', text: '2027-04-31T10:00:00Z' },
    { name: 'month 13', text: '2027-13-01T10:00:00Z' },
    { name: 'month 00', text: '2027-00-10T10:00:00Z' },
    { name: 'day 00', text: '2027-01-00T10:00:00Z' },
    { name: 'hour 24', text: '2027-01-15T24:00:00Z' },
    { name: 'hour 25', text: '2027-01-15T25:00:00Z' },
    { name: 'minute 60', text: '2027-01-15T10:60:00Z' },
    { name: 'a leap second', text: '2027-01-15T23:59:60Z' },
    { name: 'offset +24:00', text: '2027-01-15T10:00:00+24:00' },
    { name: 'offset minutes 60', text: '2027-01-15T10:00:00+01:60' },
  ])('refuses $name ($text)', ({ text }) => {
    expect(parseScheduledAt(text)).toBeNull();
  });
});

describe('schedulingWindowProblem', () => {
  const now = Date.parse('2030-01-31T09:30:00Z');
  const at = (ms: number) => new Date(now + ms);

  it.each([
    { name: 'now', instant: at(0), problem: null },
    { name: 'as far past as a slow clock may be', instant: at(-CALL_LIMITS.pastToleranceMs), problem: null },
    { name: 'a millisecond further past', instant: at(-CALL_LIMITS.pastToleranceMs - 1), problem: 'must not be in the past' },
    { name: 'as far ahead as a call may be made', instant: at(CALL_LIMITS.maxScheduleAheadMs), problem: null },
    { name: 'a millisecond further ahead', instant: at(CALL_LIMITS.maxScheduleAheadMs + 1), problem: 'must be within a year from now' },
  ])('$name: $problem', ({ instant, problem }) => {
    expect(schedulingWindowProblem(instant, now)).toBe(problem);
  });
});
