import { CALL_LIMITS } from '@call-scheduler/shared';
import fc from 'fast-check';
import { hostileText } from './text';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How a client may write an instant, within the format the API documents. */
interface Writing {
  offsetMinutes: number;
  fractionDigits: number;
  extraDigits: string;
  omitSeconds: boolean;
  lowerCase: boolean;
  zulu: boolean;
  colon: boolean;
}

const writing: fc.Arbitrary<Writing> = fc.record({
  offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
  fractionDigits: fc.integer({ min: 0, max: 9 }),
  extraDigits: fc.stringMatching(/^\d{6}$/),
  omitSeconds: fc.boolean(),
  lowerCase: fc.boolean(),
  zulu: fc.boolean(),
  colon: fc.boolean(),
});

/** A scheduledAt the API can read, and the instant it names (kept to the millisecond, the digits past it dropped). */
export interface ReadableTime {
  text: string;
  instant: Date;
  /** The same wall time with its offset left out: ambiguous, so unreadable. */
  withoutOffset: string;
}

/** Writes the instant as the wall time at the offset, then the offset, in one of the documented ways. */
function write(instant: Date, { offsetMinutes, fractionDigits, extraDigits, omitSeconds, lowerCase, zulu, colon }: Writing): ReadableTime {
  const wall = new Date(instant.getTime() + offsetMinutes * MINUTE).toISOString();
  const [date, time, milliseconds] = [wall.slice(0, 10), wall.slice(11, 19), wall.slice(20, 23)];
  const fraction = fractionDigits === 0 ? '' : `.${(milliseconds + extraDigits).slice(0, fractionDigits)}`;
  const clock = omitSeconds && !fraction && time.endsWith(':00') ? time.slice(0, 5) : time;
  const localTime = `${date}${lowerCase ? 't' : 'T'}${clock}${fraction}`;
  const keptMilliseconds = Number(milliseconds.slice(0, fractionDigits).padEnd(3, '0'));
  return {
    text: `${localTime}${offsetMinutes === 0 && zulu ? (lowerCase ? 'z' : 'Z') : offset(offsetMinutes, colon)}`,
    instant: new Date(instant.getTime() - instant.getUTCMilliseconds() + keptMilliseconds),
    withoutOffset: localTime,
  };
}

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

/** The day of the month of a month's nth Sunday, in UTC terms. */
function nthSunday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + 7 * (n - 1);
}

/**
 * The next times America/New_York's clocks jump (US rules since 2007): 02:00-02:59 on the second
 * Sunday of March does not exist there, and 01:00-01:59 on the first Sunday of November happens twice.
 * Written with an offset, either is one instant, whatever the zone does.
 */
function nextNewYorkTransitions(now: number): { springGap: number; fallOverlap: number } {
  const next = (month: number, n: number, hour: number) => {
    const year = new Date(now).getUTCFullYear();
    const at = (y: number) => Date.UTC(y, month, nthSunday(y, month, n), hour);
    return at(year) > now ? at(year) : at(year + 1);
  };
  return { springGap: next(2, 2, 2), fallOverlap: next(10, 1, 1) };
}

const { springGap, fallOverlap } = nextNewYorkTransitions(Date.now());

/** Wall times in the DST gap and overlap, written with New York's standard (-05:00) or daylight (-04:00) offset. */
const newYorkTransitionTime = fc
  .tuple(fc.constantFrom(springGap, fallOverlap), fc.integer({ min: 0, max: 59 * MINUTE }), fc.constantFrom(-300, -240), writing)
  .map(([wallHour, intoHour, offsetMinutes, style]) => write(new Date(wallHour + intoHour - offsetMinutes * MINUTE), { ...style, offsetMinutes }));

/** 02:30 on the day New York springs forward, a wall time that never happens there, written with each of its offsets. */
export const SPRING_GAP_EXAMPLES: ReadableTime[] = [-300, -240].map((offsetMinutes) =>
  write(new Date(springGap + 30 * MINUTE - offsetMinutes * MINUTE), { offsetMinutes, fractionDigits: 0, extraDigits: '', omitSeconds: false, lowerCase: false, zulu: false, colon: true }),
);

/** Readable times from years ago to years ahead, most within the year the API schedules in, and at New York's DST edges. */
export const readableTime = fc.oneof(
  { arbitrary: fc.integer({ min: 2 * MINUTE, max: 365 * DAY }).chain((ahead) => writing.map((style) => write(new Date(Date.now() + ahead), style))), weight: 4 },
  { arbitrary: fc.integer({ min: -10 * 365 * DAY, max: -2 * MINUTE }).chain((ago) => writing.map((style) => write(new Date(Date.now() + ago), style))), weight: 1 },
  { arbitrary: fc.integer({ min: 367 * DAY, max: 100 * 365 * DAY }).chain((ahead) => writing.map((style) => write(new Date(Date.now() + ahead), style))), weight: 1 },
  { arbitrary: newYorkTransitionTime, weight: 2 },
);

/** Whether the API takes the instant: not in the past beyond its tolerance, and within its year ahead. */
export function isSchedulable(instant: Date, now = Date.now()): boolean {
  return instant.getTime() >= now - CALL_LIMITS.pastToleranceMs && instant.getTime() <= now + CALL_LIMITS.maxScheduleAheadMs;
}

const twoDigits = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));

/** Dates and times that do not exist: 30 February, 29 February 2030, 31 April, 25:00, a leap second, offset +24:00. */
const nonexistentTime = fc.oneof(
  fc.tuple(fc.constantFrom('02-30', '02-31', '04-31', '06-31', '09-31', '11-31'), twoDigits(0, 23)).map(([day, hour]) => `2027-${day}T${hour}:00:00Z`),
  fc.constant('2030-02-29T10:00:00Z'),
  twoDigits(13, 99).map((month) => `2027-${month}-01T10:00:00Z`),
  fc.constant('2027-00-10T10:00:00Z'),
  fc.constant('2027-01-00T10:00:00Z'),
  twoDigits(32, 99).map((day) => `2027-01-${day}T10:00:00Z`),
  twoDigits(24, 99).map((hour) => `2027-01-10T${hour}:00:00Z`),
  twoDigits(60, 99).map((minute) => `2027-01-10T10:${minute}:00Z`),
  twoDigits(60, 99).map((second) => `2027-01-10T10:00:${second}Z`),
  twoDigits(24, 99).map((hour) => `2027-01-10T10:00:00+${hour}:00`),
  twoDigits(60, 99).map((minute) => `2027-01-10T10:00:00-05:${minute}`),
);

/** Years a JavaScript Date reaches only in its expanded form, or not at all (±275760 is the edge). */
const expandedYearTime = fc
  .tuple(fc.constantFrom('+', '-', ''), fc.constantFrom('275760', '275761', '999999', '010000', '002027', '12345'), fc.constantFrom('-09-13T00:00:00Z', '-09-13T00:00:00.001Z', '-01-01T00:00Z'))
  .map(([sign, year, rest]) => `${sign}${year}${rest}`);

/** ISO 8601 forms outside RFC 3339, which the API refuses rather than guesses at. */
const otherIsoForm = fc.constantFrom(
  '2027-W05-4T09:30Z',
  '2027-031T09:30Z',
  '20270131T093000Z',
  '2027-01-31T09Z',
  '2027-01-31T09:30:00,5Z',
  '2027-01-31T09:30:00.1234567890Z',
  '2027-01-31 09:30:00Z',
  '2027-01-31',
  '2027-01-31T09:30:00+05',
  ' 2027-01-31T09:30:00Z',
  '2027-01-31T09:30:00Z ',
  '2027-01-31T09:30:00ZZ',
  '2027-01-31T09:30:00Z[America/New_York]',
  '２０２７-01-31T09:30:00Z',
);

const LOOKS_LIKE_A_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/i;

/**
 * scheduledAt values the API cannot read: every one gets 400 naming scheduledAt. null among them, which a
 * NaN becomes on its way through JSON: it once made a call ring at once, as if scheduledAt were left out.
 */
export const unreadableTime: fc.Arbitrary<unknown> = fc.oneof(
  readableTime.map((time) => time.withoutOffset),
  nonexistentTime,
  expandedYearTime,
  otherIsoForm,
  hostileText({ maxLength: 40 }).filter((text) => !LOOKS_LIKE_A_TIME.test(text)),
  fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 })),
);
