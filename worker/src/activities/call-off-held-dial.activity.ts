import type { HeldDialRepository } from '@call-scheduler/db';

export interface CallOffHeldDialInput {
  holdId: string;
}

/** Calls a held dial off in PostgreSQL: true if that came first, false if the worker holding it had claimed it. */
export function createCallOffHeldDial(heldDials: HeldDialRepository) {
  return async function callOffHeldDial({ holdId }: CallOffHeldDialInput): Promise<boolean> {
    return (await heldDials.callOff(holdId)) === 'called off';
  };
}
