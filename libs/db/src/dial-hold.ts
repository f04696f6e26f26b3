import type { DialHold, DialLimits } from '@call-scheduler/shared';

export const HOUR_MS = 60 * 60_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * An account's dials as its spend cap sees them at one moment. A rolling window has room for one more
 * dial once its limit-th newest reservation has left it: that reservation is the window's blocker.
 */
export interface DialUsage {
  /** The `dialsPerHour`-th newest reservation of the last hour; null when there are fewer. */
  hourlyBlocker: Date | null;
  /** The `dialsPerDay`-th newest reservation of the last day; null when there are fewer. */
  dailyBlocker: Date | null;
  /** Reservations not released yet: calls in progress. */
  inProgress: number;
}

type WindowLimit = { limit: 'hourly' | 'daily'; allowed: number; blocker: Date | null; windowMs: number };

/**
 * Why one more dial would pass the account's limits, or null when there is room. Of the limits reached,
 * the hold names the one that lasts longest: room in the calls in progress is no use while a window is full.
 */
export function dialHold(limits: DialLimits, usage: DialUsage): DialHold | null {
  const windows: WindowLimit[] = [
    { limit: 'daily', allowed: limits.dialsPerDay, blocker: usage.dailyBlocker, windowMs: DAY_MS },
    { limit: 'hourly', allowed: limits.dialsPerHour, blocker: usage.hourlyBlocker, windowMs: HOUR_MS },
  ];
  const held = windows.map(windowHold).filter((hold): hold is DialHold => hold !== null);
  if (held.length > 0) return held.reduce(lastingLonger);
  return usage.inProgress >= limits.maxConcurrentCalls ? concurrentHold(limits.maxConcurrentCalls) : null;
}

function windowHold({ limit, allowed, blocker, windowMs }: WindowLimit): DialHold | null {
  const per = limit === 'hourly' ? 'hour' : 'day';
  if (allowed === 0) return { limit, reason: `The account allows no dials per ${per}`, retryAt: null };
  if (blocker === null) return null;
  const retryAt = new Date(blocker.getTime() + windowMs);
  const reason = `The account's limit of ${count(allowed, 'dial')} per ${per} is reached; room again at ${shownTime(retryAt, limit === 'daily')} UTC`;
  return { limit, reason, retryAt: retryAt.toISOString() };
}

function concurrentHold(allowed: number): DialHold {
  const reason =
    allowed === 0
      ? 'The account allows no calls in progress'
      : `The account's limit of ${count(allowed, 'call')} in progress at once is reached; room again when one of them ends`;
  return { limit: 'concurrent', reason, retryAt: null };
}

/** A hold that never ends (no retryAt) outlasts any other. */
function lastingLonger(a: DialHold, b: DialHold): DialHold {
  if (a.retryAt === null) return a;
  if (b.retryAt === null) return b;
  return Date.parse(b.retryAt) > Date.parse(a.retryAt) ? b : a;
}

/** `HH:MM`, or `YYYY-MM-DD HH:MM`, rounded up to the minute, so the time named is never before room comes. */
function shownTime(at: Date, withDate: boolean): string {
  const iso = new Date(Math.ceil(at.getTime() / 60_000) * 60_000).toISOString();
  return withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
