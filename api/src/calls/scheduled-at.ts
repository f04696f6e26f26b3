import { CALL_LIMITS } from '@call-scheduler/shared';
import { InvalidCallInputError } from './call.errors';

/**
 * The one way the API reads a time: an RFC 3339 date-time, where the seconds and the offset's colon
 * may also be left out. Other ISO 8601 forms (week and ordinal dates, the basic format, decimal commas)
 * are refused rather than guessed at. A fraction may have up to nine digits, as the standard libraries
 * of Python and Java write them; the API keeps the millisecond, so digits beyond the third are dropped.
 */
export const SCHEDULED_AT_FORMAT =
  'an RFC 3339 date-time, YYYY-MM-DDTHH:MM:SS[.fraction] then Z or ±HH:MM, e.g. 2030-01-31T09:30:00Z or 2030-01-31T09:30:00.250+01:00 (the seconds may be left out, the offset written ±HHMM, T and Z in lower case; kept to the millisecond)';

/** What is wrong with a scheduledAt that parseScheduledAt cannot read: one message for every route. */
export const SCHEDULED_AT_FORMAT_PROBLEM = `must be a date and time that exist, written as ${SCHEDULED_AT_FORMAT}`;

const DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?)?(?:Z|(?<sign>[+-])(?<offsetHour>\d{2}):?(?<offsetMinute>\d{2}))$/i;

interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetSign: 1 | -1;
  offsetHour: number;
  offsetMinute: number;
}

/**
 * The instant a scheduledAt names, or null when it is not written in SCHEDULED_AT_FORMAT or names
 * no real time (30 February, 25:00). Built from its fields, not by Date.parse, whose reading of
 * anything but its own output is implementation-defined.
 */
export function parseScheduledAt(text: string): Date | null {
  const fields = readFields(text);
  if (!fields || !exists(fields)) return null;
  const { year, month, day, hour, minute, second, millisecond, offsetSign, offsetHour, offsetMinute } = fields;
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as written; the offset moves the minutes.
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offsetSign * (offsetHour * 60 + offsetMinute), second, millisecond);
  return instant;
}

/** The instant of a scheduledAt the validation pipe let through; anything else is still bad input, never a crash. */
export function scheduledAtInstant(text: string, field = 'scheduledAt'): Date {
  const instant = parseScheduledAt(text);
  if (!instant) throw new InvalidCallInputError(field, SCHEDULED_AT_FORMAT_PROBLEM);
  return instant;
}

/** What keeps a call from being made for the instant, or null: in the past beyond a small tolerance, or absurdly far ahead. */
export function schedulingWindowProblem(at: Date, now = Date.now()): string | null {
  if (at.getTime() < now - CALL_LIMITS.pastToleranceMs) return 'must not be in the past';
  if (at.getTime() > now + CALL_LIMITS.maxScheduleAheadMs) return 'must be within a year from now';
  return null;
}

function readFields(text: string): DateTimeFields | null {
  const groups = DATE_TIME.exec(text)?.groups;
  if (!groups) return null;
  return {
    year: Number(groups.year),
    month: Number(groups.month),
    day: Number(groups.day),
    hour: Number(groups.hour),
    minute: Number(groups.minute),
    second: Number(groups.second ?? 0),
    // A fraction is of a second: .5 is 500 ms; .123456 is 123 ms.
    millisecond: Number((groups.fraction ?? '').slice(0, 3).padEnd(3, '0')),
    offsetSign: groups.sign === '-' ? -1 : 1,
    offsetHour: Number(groups.offsetHour ?? 0),
    offsetMinute: Number(groups.offsetMinute ?? 0),
  };
}

/** Hour 24 and leap second 60 are refused too: a JavaScript Date can hold neither as written. */
function exists(fields: DateTimeFields): boolean {
  const { year, month, day, hour, minute, second, offsetHour, offsetMinute } = fields;
  const dateExists = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return dateExists && hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59;
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}
