import { DateTime, IANAZone } from 'luxon';
import type { WindowWait } from '../call-events';
import { WEEKDAYS, type CallingWindow } from './calling-window';
import { instantOfLocalTime, localDateOf, type LocalDate } from './local-time';

/** A day's window can vanish into a skipped hour, leaving the next opening a week later still. */
const LOOKAHEAD_DAYS = 14;

interface Interval {
  open: number;
  close: number;
}

/** Whether a call may ring at `at`. */
export function isInCallingWindow(window: CallingWindow, at: Date): boolean {
  return openIntervalAt(window, at) !== undefined;
}

/** A call due at `at` may ring until `closesAt`, or waits for the window to open. */
export type CallingWindowAt = { open: true; closesAt: string } | { open: false; wait: WindowWait };

/** Whether a call due at `at` may ring then, and until when; or when, on the callee's clock, it may. */
export function callingWindowAt(window: CallingWindow, at: Date): CallingWindowAt {
  const interval = openIntervalAt(window, at);
  if (interval) return { open: true, closesAt: new Date(interval.close).toISOString() };
  const opensAt = nextCallingWindowOpening(window, at);
  const localTime = DateTime.fromJSDate(opensAt, { zone: window.timeZone }).toFormat('HH:mm');
  return { open: false, wait: { opensAt: opensAt.toISOString(), timeZone: window.timeZone, localTime } };
}

function openIntervalAt(window: CallingWindow, at: Date): Interval | undefined {
  const zone = zoneOf(window);
  const today = localDateOf(zone, at);
  return [today.minus({ days: 1 }), today].map((date) => intervalOn(window, zone, date)).find((interval) => contains(interval, at.getTime()));
}

/** `at` itself when a call may ring then, else the next time the window opens. */
export function nextCallingWindowOpening(window: CallingWindow, at: Date): Date {
  if (isInCallingWindow(window, at)) return at;
  const zone = zoneOf(window);
  const today = localDateOf(zone, at);
  for (let ahead = 0; ahead <= LOOKAHEAD_DAYS; ahead++) {
    const interval = intervalOn(window, zone, today.plus({ days: ahead }));
    if (interval && interval.open > at.getTime()) return new Date(interval.open);
  }
  throw new Error(`The calling window opens on no day: ${JSON.stringify(window)}`);
}

function zoneOf(window: CallingWindow): IANAZone {
  const zone = IANAZone.create(window.timeZone);
  if (!zone.isValid) throw new Error(`Unknown time zone for a calling window: ${window.timeZone}`);
  return zone;
}

function intervalOn(window: CallingWindow, zone: IANAZone, date: LocalDate): Interval | undefined {
  // Luxon numbers weekdays from 1 for Monday, the order of WEEKDAYS.
  if (!window.days.some((day) => WEEKDAYS.indexOf(day) + 1 === date.weekday)) return undefined;
  const open = instantOfLocalTime(zone, date, window.from);
  const close = instantOfLocalTime(zone, window.to > window.from ? date : date.plus({ days: 1 }), window.to);
  return open < close ? { open, close } : undefined;
}

function contains(interval: Interval | undefined, instant: number): boolean {
  return interval !== undefined && interval.open <= instant && instant < interval.close;
}
