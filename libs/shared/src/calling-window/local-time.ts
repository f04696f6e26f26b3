import { DateTime, type IANAZone } from 'luxon';

/** A calendar date, held as midnight UTC so that moving between dates never meets a clock change. */
export type LocalDate = DateTime;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export function localDateOf(zone: IANAZone, at: Date): LocalDate {
  return DateTime.fromJSDate(at, { zone }).setZone('utc', { keepLocalTime: true }).startOf('day');
}

/**
 * The earliest instant whose local time on `date` is at or after `time` ('HH:mm'): a time the clocks
 * skip gives the instant they jump, a time they repeat its first occurrence. Luxon instead moves a
 * skipped time on by the gap's length and, depending on the zone, picks either occurrence of a repeated one.
 */
export function instantOfLocalTime(zone: IANAZone, date: LocalDate, time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  const wall = date.set({ hour, minute }).toMillis();
  // The wall time read with the offsets in force a day either side: both readings are real in a repeated hour, neither in a skipped one.
  const readings = [wall - DAY_MS, wall + DAY_MS].map((near) => wall - zone.offset(near) * MINUTE_MS);
  const real = readings.filter((instant) => instant === wall - zone.offset(instant) * MINUTE_MS);
  return real.length > 0 ? Math.min(...real) : offsetChangeBetween(zone, Math.min(...readings), Math.max(...readings));
}

/** The first instant after `from`, up to `to`, whose offset differs from the one in force at `from`. */
function offsetChangeBetween(zone: IANAZone, from: number, to: number): number {
  const offset = zone.offset(from);
  let [before, after] = [from, to];
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (zone.offset(middle) === offset) before = middle;
    else after = middle;
  }
  return after;
}
