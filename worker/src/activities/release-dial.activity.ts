import type { DialReservationRepository } from '@call-scheduler/db';

export interface ReleaseDialInput {
  callId: string;
  attempt: number;
  /** Whether the attempt dialled; a reservation whose dial never happened is given back whole. */
  dialled: boolean;
}

/** Ends one dial attempt's reservation in its account's spend cap; safe to retry. */
export function createReleaseDial(reservations: DialReservationRepository) {
  return async function releaseDial(input: ReleaseDialInput): Promise<void> {
    await reservations.release(input);
  };
}
