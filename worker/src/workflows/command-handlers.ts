import { ApplicationFailure, condition, currentUpdateInfo, setHandler, type defineUpdate } from '@temporalio/workflow';
import {
  callStateQuery,
  cancelUpdate,
  decide,
  rescheduleUpdate,
  startNowUpdate,
  type CallCommand,
  type CallContinuation,
  type CallEvent,
  type CallState,
  type Actor,
} from '@call-scheduler/shared/workflow';
import type { CallJournal } from './call-journal';
import type { HeldDial } from './held-dial';

/** Enough to recognise a client's retry that reaches the next run after its first try was taken. */
const REMEMBERED_UPDATES = 100;

type CommandsTaken = Pick<CallContinuation, 'reschedules' | 'recentUpdateIds'>;
type CallUpdate<Args extends unknown[]> = ReturnType<typeof defineUpdate<CallState, Args>>;

/**
 * Takes the API's commands as Temporal Updates. Each is decided against the journal's state twice:
 * by the validator, so a refused command leaves no trace in the history, and again by the handler,
 * whose decision is the one that counts (another update may have been taken in between). A handler
 * appends its event and answers with the state after it; it waits only while a worker holds the call's
 * dial for its instant, until the hold is called off, or else the dial made (see HeldDial).
 */
export class CommandHandlers {
  private reschedules: number;
  private readonly recentUpdateIds: string[];
  /** Every command this run took, as Temporal counts them against its cap on one run. */
  private takenThisRun = 0;

  constructor(
    private readonly journal: CallJournal,
    private readonly heldDial: HeldDial,
    taken: CommandsTaken = { reschedules: 0, recentUpdateIds: [] },
  ) {
    this.reschedules = taken.reschedules;
    this.recentUpdateIds = [...taken.recentUpdateIds];
  }

  register(): void {
    setHandler(callStateQuery, () => this.journal.state);
    this.take(rescheduleUpdate, ({ scheduledAt, by }) => ({ type: 'reschedule', scheduledAt, by }));
    // Start-now updates sent before accounts existed carry no argument.
    this.take(startNowUpdate, (args: { overrideWindow?: boolean; by?: Actor } | undefined) => ({
      type: 'startNow',
      overrideWindow: args?.overrideWindow,
      by: args?.by,
    }));
    this.take(cancelUpdate, ({ reason, by }) => ({ type: 'cancel', reason: reason ?? 'cancelled by request', by }));
  }

  get updatesTakenThisRun(): number {
    return this.takenThisRun;
  }

  /** What the next run must know to decide the same way. */
  taken(): CommandsTaken {
    return { reschedules: this.reschedules, recentUpdateIds: [...this.recentUpdateIds] };
  }

  private take<Args extends unknown[]>(update: CallUpdate<Args>, toCommand: (...args: Args) => CallCommand): void {
    const handler = (...args: Args): CallState | Promise<CallState> => {
      this.takenThisRun++;
      if (this.isRetryOfTakenUpdate()) return this.journal.state;
      const command = toCommand(...args);
      const updateId = currentUpdateInfo()?.id;
      if (!this.heldDial.holding) return this.apply(command, updateId);
      return this.afterTheHold().then(() => this.apply(command, updateId));
    };
    const validator = (...args: Args): void => {
      if (!this.isRetryOfTakenUpdate()) this.decide(toCommand(...args));
    };
    setHandler(update, handler, { validator });
  }

  /** Calls the held dial off; if the worker claimed it first, waits until the run has recorded the dial. */
  private async afterTheHold(): Promise<void> {
    if (await this.heldDial.callOff()) return;
    await condition(() => !this.heldDial.holding);
  }

  private apply(command: CallCommand, updateId: string | undefined): CallState {
    this.journal.append(this.decide(command));
    if (command.type === 'reschedule') this.reschedules++;
    this.remember(updateId);
    return this.journal.state;
  }

  private decide(command: CallCommand): CallEvent {
    const state = this.journal.state;
    const decision = decide(state, command, { now: Date.now(), reschedules: this.reschedules });
    if (decision.accepted) return decision.event;
    throw ApplicationFailure.create({ type: decision.rejection, message: decision.message, details: [state.status], nonRetryable: true });
  }

  private isRetryOfTakenUpdate(): boolean {
    const id = currentUpdateInfo()?.id;
    return id !== undefined && this.recentUpdateIds.includes(id);
  }

  private remember(id: string | undefined): void {
    if (id === undefined) return;
    this.recentUpdateIds.push(id);
    if (this.recentUpdateIds.length > REMEMBERED_UPDATES) this.recentUpdateIds.shift();
  }
}
