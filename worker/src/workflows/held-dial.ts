import { ActivityFailure, ApplicationFailure, CancellationScope, CancelledFailure, TimeoutFailure, workflowInfo } from '@temporalio/workflow';
import { CallFailureType } from '@call-scheduler/shared/workflow';
import type { CallOffHeldDialInput, HeldDialResult, PlacedCall } from '../activities';
import { Settled } from './settled';

type CallOff = (input: CallOffHeldDialInput) => Promise<boolean>;

/**
 * The dial a worker holds until its instant (activity placeCallWhenDue), shared by the run, which holds it
 * and records how it ended, and the commands, which must not race it. A command calls the hold off in
 * PostgreSQL (activity callOffHeldDial), where the worker claims it just before the instant; only one can
 * win. If the call-off wins, nothing is dialled and the command decides at once; if not, it waits until
 * the run has recorded the dial, and decides on that.
 */
export class HeldDial {
  private held: { scope: CancellationScope; holdId: string; callOff: { answer: Promise<boolean>; settled: Settled<boolean> } | null } | null = null;
  private holds = 0;

  constructor(private readonly callOffActivity: CallOff) {}

  get holding(): boolean {
    return this.held !== null;
  }

  /** Whether a call-off of the current hold has been asked for and has not answered yet. */
  get callingOff(): boolean {
    return this.held?.callOff?.settled.done === false;
  }

  /** Whether the current hold was called off before the worker claimed it. */
  get calledOff(): boolean {
    const settled = this.held?.callOff?.settled;
    return settled?.done === true && settled.result();
  }

  hold<T>(start: (holdId: string) => Promise<T>): Promise<T> {
    const scope = new CancellationScope();
    const holdId = `${workflowInfo().runId}:${++this.holds}`;
    this.held = { scope, holdId, callOff: null };
    return scope.run(() => start(holdId));
  }

  /**
   * Calls the current hold off (once however often asked), and answers whether that came first. A call-off
   * that fails even after its retries counts as having come second: the run then waits for the dial itself.
   */
  callOff(): Promise<boolean> {
    const held = this.held;
    if (!held) return Promise.resolve(false);
    if (!held.callOff) {
      // Not cancelled with the workflow: a cancel from Temporal is itself carried out by calling the hold off.
      const answer = CancellationScope.nonCancellable(() => this.callOffActivity({ holdId: held.holdId })).catch(() => false);
      held.callOff = { answer, settled: new Settled(answer) };
      // The worker learns of it at its next heartbeat, or finds the hold called off when it claims it.
      void answer.then((won) => won && held.scope.cancel());
    }
    return held.callOff.answer;
  }

  /** The run has recorded the outcome: commands decide on the call's state again. */
  settle(): void {
    this.held = null;
  }
}

const UNDIALLED = new Set<string>([CallFailureType.HeldDialUnclaimed, CallFailureType.HeldDialNotYetDue]);

export type HeldDialOutcome =
  | ({ dialled: 'yes' } & PlacedCall)
  | { dialled: 'no' }
  | { dialled: 'blocked' }
  | { dialled: 'maybe' }
  | { dialled: 'refused'; error: unknown };

/**
 * What a held dial came to, when it was not called off. Blocked: its number was on the do-not-call list when
 * it was claimed, so it was not dialled. Given up (placed: false, or it could not be
 * claimed, or was never taken up): nothing was dialled. Lost with its worker while its instant was still
 * ahead: nothing was either, since a hold is claimed only 0.2 s before its instant and a lost worker is
 * noticed only when its heartbeat has been silent for longer (3 s). The provider's refusal is final. Any
 * other failure may have come after the provider took the call.
 */
export function heldDialOutcome(held: Settled<HeldDialResult>, instantAhead: boolean): HeldDialOutcome {
  try {
    const result = held.result();
    if (result.placed) {
      const { placed: _placed, ...call } = result;
      return { dialled: 'yes', ...call };
    }
    return result.blocked ? { dialled: 'blocked' } : { dialled: 'no' };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    if (cause instanceof CancelledFailure || (cause instanceof TimeoutFailure && instantAhead)) return { dialled: 'no' };
    if (cause instanceof ApplicationFailure && UNDIALLED.has(cause.type ?? '')) return { dialled: 'no' };
    if (isProviderRejection(error)) return { dialled: 'refused', error };
    return { dialled: 'maybe' };
  }
}

/** Whether an activity failed because the provider refused the request for good. */
export function isProviderRejection(error: unknown): boolean {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure && cause.type === CallFailureType.ProviderRejected;
}
