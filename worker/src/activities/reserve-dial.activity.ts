import { ApplicationFailure } from '@temporalio/activity';
import { AccountNotFoundError, type DialRequest, type DialReservation, type DialReservationRepository } from '@call-scheduler/db';
import { SameMomentBatch } from './same-moment-batch';

export interface ReserveDialInput {
  accountId: string;
  callId: string;
  attempt: number;
}

export type { DialReservation };

/** Failure type of a reservation for an account that does not exist: retrying cannot make it exist. */
export const ACCOUNT_NOT_FOUND = 'AccountNotFound';

/**
 * Reserves one dial attempt in its account's spend cap, or answers what holds it back; safe to retry. The
 * reservations asked in the same moment (a burst of calls reaching their lead together) are made together.
 */
export function createReserveDial(reservations: DialReservationRepository) {
  const batch = new SameMomentBatch<DialRequest, DialReservation | AccountNotFoundError>((requests) => reservations.reserveAll(requests));
  return async function reserveDial(input: ReserveDialInput): Promise<DialReservation> {
    const answer = await batch.ask(input);
    if (answer instanceof AccountNotFoundError) throw ApplicationFailure.create({ type: ACCOUNT_NOT_FOUND, message: answer.message, nonRetryable: true });
    return answer;
  };
}
