export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When a call may ring, read on the callee's clock.
 *
 * On each local date d whose weekday is in `days` the window is the half-open interval [open(d), close(d)):
 * - open(d) is the earliest instant whose local time on d is at or after `from`;
 * - close(d) is the earliest instant whose local time is at or after `to`: on d when `to` > `from`, else on d + 1.
 *
 * So a time the clocks skip (02:30 on a spring-forward night) stands for the instant they jump (03:00),
 * a time they repeat (01:30 on a fall-back night) stands for its first occurrence, and a window
 * lying wholly in a skipped hour does not open that day.
 */
export interface CallingWindow {
  /** IANA zone of the person called, e.g. 'America/Chicago'. */
  timeZone: string;
  /** The days on which the window opens (local days in timeZone); at least one. */
  days: Weekday[];
  /** Local opening time 'HH:mm' (00:00–23:59). */
  from: string;
  /** Local closing time 'HH:mm'; if it is ≤ from the window closes the next day (past midnight). */
  to: string;
}
