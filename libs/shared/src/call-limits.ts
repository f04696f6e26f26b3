/** Limits on what a caller may ask for, shared by the API's validation and the web form. */
export const CALL_LIMITS = {
  maxAttempts: { min: 1, max: 10, default: 3 },
  retryDelaySeconds: { min: 1, max: 24 * 60 * 60, default: 5 * 60 },
  noteMaxLength: 500,
  /** A scheduled time this far in the past is taken as "now": clocks and round trips drift. */
  pastToleranceMs: 30_000,
  maxScheduleAheadMs: 366 * 24 * 60 * 60 * 1000,
  /** Each reschedule is an event in the call's timeline; beyond this many, cancel and create another call. */
  maxReschedules: 500,
} as const;
