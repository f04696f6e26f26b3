/** Why the workflow refuses a command or fails a step; clients map each without parsing messages. */
export const CallFailureType = {
  NotPending: 'CallNotPending',
  InvalidSchedule: 'InvalidSchedule',
  RescheduleLimitReached: 'RescheduleLimitReached',
  ProviderRejected: 'ProviderRejected',
  /** A held dial could not be claimed at its instant (PostgreSQL out of reach): nothing was dialled. */
  HeldDialUnclaimed: 'HeldDialUnclaimed',
} as const;
export type CallFailureType = (typeof CallFailureType)[keyof typeof CallFailureType];
