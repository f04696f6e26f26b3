/** Why the workflow refuses a command or fails a step; clients map each without parsing messages. */
export const CallFailureType = {
  NotPending: 'CallNotPending',
  InvalidSchedule: 'InvalidSchedule',
  RescheduleLimitReached: 'RescheduleLimitReached',
  ProviderRejected: 'ProviderRejected',
} as const;
export type CallFailureType = (typeof CallFailureType)[keyof typeof CallFailureType];
