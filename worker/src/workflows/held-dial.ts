import { ActivityFailure, ApplicationFailure, CancellationScope, CancelledFailure, TimeoutFailure, condition } from '@temporalio/workflow';
import { CallFailureType } from '@call-scheduler/shared/workflow';
import type { HeldDialResult } from '../activities';
import type { Settled } from './settled';

/**
 * The dial a worker holds until its instant (activity placeCallWhenDue), shared by the run, which holds
 * it and records how it ended, and the commands, which must not race it: a command first calls the hold
 * off and waits until the run has recorded the outcome, dialled or not, then decides on that state.
 */
export class HeldDial {
  private scope: CancellationScope | null = null;
  private calledOff = false;

  get holding(): boolean {
    return this.scope !== null;
  }

  hold<T>(start: () => Promise<T>): Promise<T> {
    const scope = new CancellationScope();
    this.scope = scope;
    this.calledOff = false;
    return scope.run(start);
  }

  /**
   * Asks the worker to call the hold off. Before the instant it dials nothing; from the instant on it
   * ignores the request, and the outcome says the dial was made.
   */
  callOff(): void {
    if (!this.scope || this.calledOff) return;
    this.calledOff = true;
    this.scope.cancel();
  }

  /** The run has recorded the outcome: commands may decide again. */
  settle(): void {
    this.scope = null;
  }

  /** For a command: calls the hold off, if there is one, and waits until the run has recorded how it ended. */
  async cleared(): Promise<void> {
    this.callOff();
    await condition(() => !this.holding);
  }
}

export type HeldDialOutcome =
  | { dialled: 'yes'; externalCallId: string }
  | { dialled: 'no' }
  | { dialled: 'maybe' }
  | { dialled: 'refused'; error: unknown };

/**
 * What a held dial came to. Called off, or cancelled before a worker took it: nothing was dialled. Lost
 * with its worker (its heartbeat stopped) while its instant was still ahead: nothing was either, since it
 * dials only from the instant on. The provider's refusal is final. Any other failure may have come after
 * the provider took the call.
 */
export function heldDialOutcome(held: Settled<HeldDialResult>, instantAhead: boolean): HeldDialOutcome {
  try {
    const result = held.result();
    return result.placed ? { dialled: 'yes', externalCallId: result.externalCallId } : { dialled: 'no' };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    if (cause instanceof CancelledFailure || (cause instanceof TimeoutFailure && instantAhead)) return { dialled: 'no' };
    if (cause instanceof ApplicationFailure && cause.type === CallFailureType.ProviderRejected) return { dialled: 'refused', error };
    return { dialled: 'maybe' };
  }
}
