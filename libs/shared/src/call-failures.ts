/** Why the workflow refuses a command or fails a step; clients map each without parsing messages. */
export const CallFailureType = {
  NotPending: 'CallNotPending',
  InvalidSchedule: 'InvalidSchedule',
  RescheduleLimitReached: 'RescheduleLimitReached',
  ProviderRejected: 'ProviderRejected',
  /** A held dial could not be claimed at its instant (PostgreSQL out of reach): nothing was dialled. */
  HeldDialUnclaimed: 'HeldDialUnclaimed',
  /** A held dial not taken up yet, waiting in Temporal as a retry: nothing was dialled. */
  HeldDialNotYetDue: 'HeldDialNotYetDue',
  /** The provider has not answered about a call in progress for too long: the call is given up as lost. */
  ProviderSilent: 'ProviderSilent',
} as const;
export type CallFailureType = (typeof CallFailureType)[keyof typeof CallFailureType];
