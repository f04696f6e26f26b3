export const CALL_STATUSES = [
  'scheduled',
  'dialing',
  'ringing',
  'in_progress',
  'completed',
  'no_answer',
  'busy',
  'failed',
  'cancelled',
  'expired',
  'blocked',
] as const;

export type CallStatus = (typeof CALL_STATUSES)[number];

/** Outcomes after which the provider may be dialed again, while attempts remain. */
export const RETRYABLE_OUTCOMES = ['no_answer', 'busy'] as const satisfies readonly CallStatus[];
export type RetryableOutcome = (typeof RETRYABLE_OUTCOMES)[number];

export function isCallStatus(value: unknown): value is CallStatus {
  return typeof value === 'string' && (CALL_STATUSES as readonly string[]).includes(value);
}
