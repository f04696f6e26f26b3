import { TZDate, tzOffset } from '@date-fns/tz';
import { differenceInSeconds, format } from 'date-fns';

/** The format of `<input type="datetime-local">` values; seconds are optional in what they hold. */
const LOCAL_INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";
const LOCAL_INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Building an Intl formatter costs far more than using one, and a long list formats thousands of times. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(undefined, options)));
  return format;
}

/** An instant as a person in `timeZone` reads it: "25 Nov 2026, 10:00". */
export function formatDateTime(instant: string | Date, timeZone: string): string {
  return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** A time of day with seconds, for event timelines: "10:00:04". */
export function formatTimeOfDay(instant: string | Date, timeZone: string): string {
  return dateTimeFormat({ timeStyle: 'medium', timeZone }).format(new Date(instant));
}

/** The zone with its offset at `at`: "Europe/Berlin (GMT+01:00)". */
export function describeTimeZone(timeZone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  return `${timeZone.replaceAll('_', ' ')} (${offset})`;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
  ['second', 1],
];

const relativeTimeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** How far `instant` is from `now`, in the largest whole unit: "in 4 min.", "2 hr. ago". */
export function formatRelative(instant: string | Date, now: Date): string {
  const seconds = differenceInSeconds(new Date(instant), now);
  const [unit, size] = RELATIVE_UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? RELATIVE_UNITS.at(-1)!;
  return relativeTimeFormat.format(Math.trunc(seconds / size), unit);
}

/** The value a datetime-local input shows for `instant` in `timeZone`. */
export function toLocalInputValue(instant: string | Date, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), LOCAL_INPUT_FORMAT);
}

/**
 * The instant a datetime-local value means in `timeZone`, as ISO 8601 with that zone's offset
 * ("2026-11-25T10:00:00.000-08:00"), or null when the value is not a complete date and time.
 */
export function fromLocalInputValue(value: string, timeZone: string): string | null {
  const match = LOCAL_INPUT_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  return new TZDate(instantOfWallTime(Date.UTC(year, month - 1, day, hour, minute, second), timeZone), timeZone).toISOString();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant at which clocks in `timeZone` show `wall` (a wall time written as if it were UTC). A wall
 * time that happens twice (clocks turned back) is its first occurrence; one that never happens (clocks
 * turned forward) moves on by the gap, as `Date` does in its own zone. Worked out here rather than by
 * `new TZDate(year, ...)`, whose answer for a repeated hour depends on the machine's own zone.
 */
function instantOfWallTime(wall: number, timeZone: string): number {
  const offsets = [tzOffset(timeZone, new Date(wall - DAY_MS)), tzOffset(timeZone, new Date(wall + DAY_MS))] as const;
  const instants = offsets.map((offset) => wall - offset * 60_000);
  const valid = instants.filter((instant, index) => tzOffset(timeZone, new Date(instant)) === offsets[index]);
  return valid.length > 0 ? Math.min(...valid) : instants[0]!;
}
