import { ApplicationFailure } from '@temporalio/activity';
import { AccountNotFoundError, type DialReservation, type DialReservationRepository } from '@call-scheduler/db';

export interface ReserveDialInput {
  accountId: string;
  callId: string;
  attempt: number;
}

export type { DialReservation };

/** Failure type of a reservation for an account that does not exist: retrying cannot make it exist. */
export const ACCOUNT_NOT_FOUND = 'AccountNotFound';

/** Reserves one dial attempt in its account's spend cap, or answers what holds it back; safe to retry. */
export function createReserveDial(reservations: DialReservationRepository) {
  return async function reserveDial(input: ReserveDialInput): Promise<DialReservation> {
    try {
      return await reservations.reserve(input);
    } catch (error) {
      if (!(error instanceof AccountNotFoundError)) throw error;
      throw ApplicationFailure.create({ type: ACCOUNT_NOT_FOUND, message: error.message, nonRetryable: true });
    }
  };
}
