import type { Actor } from '../accounts';
import type { CallingWindow } from '../calling-window/calling-window';

/** When a schedule runs: a cron expression or a fixed interval, read in `timeZone`, between startAt and endAt. */
export interface ScheduleTiming {
  /** Five fields, minute to weekday (`0 9 * * mon-fri`); or null with intervalSeconds. */
  cron: string | null;
  /** Seconds between runs; or null with cron. */
  intervalSeconds: number | null;
  /** IANA zone the cron expression is read in (and the callee's, unless the window names another). */
  timeZone: string;
  startAt: string | null;
  endAt: string | null;
}

/** What each run's call is made of: a call's fields, less its id and times, which each run gives it. */
export interface CallTemplate {
  accountId: string;
  phoneNumber: string;
  note: string | null;
  maxAttempts: number;
  retryDelaySeconds: number;
  window: CallingWindow | null;
  /** Who made the schedule. */
  by?: Actor;
}

export const SCHEDULE_LIMITS = {
  /** Runs closer than this would dial one person over and over. */
  minIntervalSeconds: 60,
  maxIntervalSeconds: 366 * 24 * 60 * 60,
  /** How many coming run times a schedule shows. */
  nextRuns: 5,
} as const;
