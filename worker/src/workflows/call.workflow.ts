import {
  CancellationScope,
  CancelledFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DEFAULT_RUN_LIMITS,
  isPending,
  providerStatusStage,
  isTerminal,
  newCallState,
  nextDialAt,
  type CallState,
  type CallWorkflowInput,
  type CallingWindowAt,
  type DialHold,
  type ProviderCallStatus,
  type ProviderStatusReport,
  type RetryableOutcome,
  type RunLimits,
} from '@call-scheduler/shared/workflow';
import type { CallProgress, DialReservation, PlacedCall } from '../activities';
import { Alarm } from './alarm';
import { DIAL_CONFIRM_WINDOW_MS, callActivities, type CallWorkflowActivities } from './call-activities';
import { CallJournal } from './call-journal';
import { CommandHandlers } from './command-handlers';
import { expiryReason } from './deadline';
import { DIAL_LIMITS_PATCH, isNewHold, recheckAt } from './dial-permit';
import { failureMessage } from './failure-message';
import { HeldDial, heldDialOutcome, isProviderRejection } from './held-dial';
import { legacyCallWorkflow } from './legacy/call.workflow';
import { ProviderStatusReports } from './provider-status-reports';
import { Settled } from './settled';

/** Marks the runs whose events are recorded from the history by ordinary activities. */
export const HISTORY_RECORDER_PATCH = 'record-events-from-history';
/** Marks the runs that hand each dial to a worker a lead ahead of its instant, which dials at the instant. */
export const HELD_DIAL_PATCH = 'held-dials';
/** Marks the runs that ask the provider again about a dial whose retries ran out without a clear answer. */
export const DIAL_OUTCOME_UNKNOWN_PATCH = 'dial-outcome-unknown';
/** Marks the runs that hand over by their own count of commands and events, not by Temporal's suggestion. */
export const RUN_LIMITS_PATCH = 'run-limits';
/** Marks the runs whose held dial, lost with its worker, Temporal sends to another worker at once. */
export const HELD_DIAL_RETRIES_PATCH = 'held-dial-retries';
/** Marks the runs of calls that keep a calling window or a deadline: calls without either never ask. */
export const CALLING_WINDOW_PATCH = 'calling-windows';

/**
 * How long a status change that came before one the provider numbered ahead of it waits for that one: callbacks
 * overtake each other by a second or less, and one lost costs the call no more than this.
 */
const REORDER_WAIT_MS = 2_000;

/**
 * `called off`: the dial was held for its instant, and a command or a lost worker stopped it before then.
 * `blocked`: the number was on the do-not-call list just before the instant, so the call ended undialled.
 */
type DialOutcome = 'completed' | 'failed' | 'called off' | 'blocked' | RetryableOutcome;

/**
 * One call: wait until it is due, dial, follow it to its end, dial again after no answer or busy.
 *
 * Commands change the call only through the journal, synchronously, in their update handlers. Every
 * command the workflow sends Temporal (timers, activities, the projection writes) comes from the one
 * CallRun below, which decides only once an activation has been applied in full: so the commands
 * are the same however the SDK orders an activation's jobs, on the first run as on any replay.
 */
export async function callWorkflow(input: CallWorkflowInput): Promise<CallState> {
  if (!patched(HISTORY_RECORDER_PATCH)) return legacyCallWorkflow(input);
  const activities = callActivities(input.dialRetry, { leadMs: input.dialLeadMs ?? 0, retried: patched(HELD_DIAL_RETRIES_PATCH) });
  const journal = openJournal(input, activities);
  const heldDial = new HeldDial(activities.callOffHeldDial);
  const commands = new CommandHandlers(journal, heldDial, input.continued);
  commands.register();
  const reports = new ProviderStatusReports();
  reports.register();
  const cancelRequested = watchCancelRequest();
  // Decided once per run: a run replayed from before the patch must not switch halfway.
  const dialLeadMs = patched(HELD_DIAL_PATCH) ? (input.dialLeadMs ?? 0) : null;
  // Temporal's continue-as-new suggestion counts the updates in flight at the server when a task starts, which
  // a replay cannot see again: a run that waited on it could decide otherwise when replayed.
  const runLimits = patched(RUN_LIMITS_PATCH) ? (input.runLimits ?? DEFAULT_RUN_LIMITS) : null;
  const keepsWindow = (input.call.window != null || input.call.latestAt != null) && patched(CALLING_WINDOW_PATCH);
  const run = new CallRun(input, journal, commands, activities, cancelRequested, heldDial, dialLeadMs, runLimits, keepsWindow, reports);
  // A cancel from Temporal (Web UI, CLI) must not cut a dial short: the call acts on it once it is pending again.
  return CancellationScope.nonCancellable(() => run.run());
}

function openJournal({ call, continued }: CallWorkflowInput, { recordCallEvents }: CallWorkflowActivities): CallJournal {
  if (continued) return new CallJournal(continued.state, recordCallEvents, continued.unwritten);
  const journal = new CallJournal(newCallState(call), recordCallEvents);
  const { phoneNumber, note, scheduledAt, maxAttempts, retryDelaySeconds, window, latestAt, by } = call;
  journal.append({
    type: 'CallScheduled',
    data: { phoneNumber, note, scheduledAt, maxAttempts, retryDelaySeconds, ...(window ? { window } : {}), ...(latestAt ? { latestAt } : {}), ...(by ? { by } : {}) },
  });
  return journal;
}

/** Whether Temporal has been asked to cancel this workflow. */
function watchCancelRequest(): () => boolean {
  let requested = false;
  CancellationScope.current().cancelRequested.catch(() => {
    requested = true;
  });
  return () => requested;
}

class CallRun {
  constructor(
    private readonly input: CallWorkflowInput,
    private readonly journal: CallJournal,
    private readonly commands: CommandHandlers,
    private readonly activities: CallWorkflowActivities,
    private readonly cancelRequested: () => boolean,
    private readonly heldDial: HeldDial,
    /** How long before each dial's instant a worker holds it; null in runs from before that existed, which dial when they wake. */
    private readonly dialLeadMs: number | null,
    /** How much the run takes before it hands over; null in runs from before that, which follow Temporal's suggestion. */
    private readonly runLimits: RunLimits | null,
    /** Whether the run keeps the call's calling window and deadline. */
    private readonly keepsWindow: boolean,
    private readonly reports: ProviderStatusReports,
  ) {}

  /** The dial instants the calling window was last found open for, [from, until): a dial among them needs no asking. */
  private windowOpen: { from: number; until: number } | null = null;

  async run(): Promise<CallState> {
    for (;;) {
      const due = await this.sleepUntilDue();
      if (!isPending(this.journal.state)) return this.finish();
      if (this.cancelRequested()) return this.cancel();
      if (!due) {
        await this.continueAsNew();
        continue;
      }
      await this.dialNextAttempt();
      if (isTerminal(this.journal.state)) return this.finish();
    }
  }

  /** The one place the run waits: it writes what the journal holds, then waits for `done` or more to write. */
  private async until(done: () => boolean): Promise<void> {
    for (;;) {
      this.journal.flush();
      if (done()) return;
      await condition(() => done() || this.journal.flushable);
    }
  }

  /** Waits for an activity, writing the journal meanwhile (a write that ran out of retries fails the run). */
  private async outcomeOf<T>(activity: Promise<T>): Promise<Settled<T>> {
    const outcome = new Settled(activity);
    await this.until(() => outcome.done);
    return outcome;
  }

  /** Sleeps until the next dial is due (true), or until the call stops waiting for it (false). */
  private async sleepUntilDue(): Promise<boolean> {
    for (;;) {
      if (this.interrupted()) return false;
      if (this.windowToAsk()) {
        await this.askWindow();
        continue;
      }
      const expiry = this.expiry();
      if (expiry !== null) {
        this.journal.append({ type: 'CallExpired', data: { reason: expiry } });
        return false;
      }
      const at = this.dueAt();
      if (this.wakeAt() <= Date.now()) return true;
      // Inline, not shared with waitOutHold: one more await would send the old alarm's CancelTimer before
      // the new alarm's StartTimer, the reverse of the order in the histories of running calls.
      const alarm = new Alarm(this.wakeAt());
      await this.until(() => alarm.rang || this.dueAt() !== at || this.interrupted());
      alarm.cancel();
    }
  }

  private dueAt(): number {
    return Date.parse(nextDialAt(this.journal.state));
  }

  /** When the next dial would be made: when it is due, or now, for a dial overdue (held back by the spend cap). */
  private dialInstant(): number {
    return Math.max(this.dueAt(), Date.now());
  }

  /** Whether the call's window may be closed at the next dial's instant, as far as the run knows. */
  private windowToAsk(): boolean {
    const { window, windowOverridden } = this.journal.state;
    if (!this.keepsWindow || !window || windowOverridden) return false;
    const instant = this.dialInstant();
    return !(this.windowOpen && this.windowOpen.from <= instant && instant < this.windowOpen.until);
  }

  /** Asks whether the window is open at the next dial's instant; if it is closed, the call waits for it to open. */
  private async askWindow(): Promise<void> {
    const { window } = this.journal.state;
    const due = this.dueAt();
    const at = this.dialInstant();
    const asked = await this.outcomeOf(this.activities.callingWindowAt({ window: window!, at: new Date(at).toISOString() }));
    let answer: CallingWindowAt;
    try {
      answer = asked.result();
    } catch (error) {
      this.journal.append({ type: 'CallFailed', data: { reason: `Could not work out the calling window: ${failureMessage(error)}` } });
      return;
    }
    // A command that moved the call meanwhile makes the answer moot: the run asks again.
    if (!isPending(this.journal.state) || this.dueAt() !== due) return;
    if (answer.open) this.windowOpen = { from: at, until: Date.parse(answer.closesAt) };
    else this.journal.append({ type: 'CallWaitingForWindow', data: answer.wait });
  }

  private expiry(): string | null {
    return this.keepsWindow ? expiryReason(this.journal.state, this.dialInstant(), Date.now()) : null;
  }

  /** The deadline, for a run that keeps one: a wait for room in the spend cap ends there. */
  private deadline(): number {
    const { latestAt } = this.journal.state;
    return this.keepsWindow && latestAt ? Date.parse(latestAt) : Infinity;
  }

  /** When the run takes up the next dial: at its instant, or a lead ahead of it to hand it to a worker. */
  private wakeAt(): number {
    return this.dueAt() - (this.dialLeadMs ?? 0);
  }

  private interrupted(): boolean {
    return !isPending(this.journal.state) || this.cancelRequested() || this.runIsFull();
  }

  /** Whether the run has taken enough that the call goes on in a fresh one. */
  private runIsFull(): boolean {
    if (this.runLimits === null) return workflowInfo().continueAsNewSuggested;
    return this.commands.updatesTakenThisRun >= this.runLimits.updates || workflowInfo().historyLength >= this.runLimits.historyEvents;
  }

  private async dialNextAttempt(): Promise<void> {
    const { state } = this.journal;
    const attempt = state.attempt + 1;
    const capped = this.spendCapApplies();
    if (capped && !(await this.reserveDial(attempt))) return;
    const outcome = this.dialLeadMs === null ? await this.dialNow(attempt) : await this.dialWhenDue(attempt);
    if (capped) await this.releaseDial(attempt, outcome !== 'called off' && outcome !== 'blocked');
    if (outcome !== 'no_answer' && outcome !== 'busy') return;
    const retryAt = attempt < state.maxAttempts ? Date.now() + state.retryDelaySeconds * 1000 : null;
    this.journal.append({
      type: 'CallUnanswered',
      data: { outcome, nextAttemptAt: retryAt === null ? null : new Date(retryAt).toISOString() },
    });
  }

  /** Calls created before accounts have no account to charge; runs from before the cap dial as they always did. */
  private spendCapApplies(): boolean {
    return this.input.call.accountId !== undefined && patched(DIAL_LIMITS_PATCH);
  }

  /**
   * Reserves the attempt's dial in its account's spend cap (true). Without room, it records why and waits
   * until room is expected, or the call changes, and returns false: the run then decides again.
   */
  private async reserveDial(attempt: number): Promise<boolean> {
    const { accountId, id: callId } = this.input.call;
    const reserved = await this.outcomeOf(this.activities.reserveDial({ accountId, callId, attempt }));
    let reservation: DialReservation;
    try {
      reservation = reserved.result();
    } catch (error) {
      this.journal.append({ type: 'CallFailed', data: { reason: `Could not reserve the dial in the account's spend cap: ${failureMessage(error)}` } });
      return false;
    }
    if (!this.stillDue()) {
      if (reservation.granted) await this.releaseDial(attempt, false);
      return false;
    }
    if (reservation.granted) return true;
    await this.waitOutHold(reservation.hold);
    return false;
  }

  /** Whether the dial is still to be taken up now: commands taken while the run reserved it may have changed that. */
  private stillDue(): boolean {
    return isPending(this.journal.state) && !this.cancelRequested() && this.wakeAt() <= Date.now();
  }

  /**
   * Records the hold, unless the call shows it already, and waits until room is expected, or until the
   * call's due time moves or it stops waiting (cancelled, ended, or its run is to continue as new).
   */
  private async waitOutHold(hold: DialHold): Promise<void> {
    if (isNewHold(this.journal.state.dialHold, hold)) this.journal.append({ type: 'DialHeldByLimit', data: hold });
    const due = this.dueAt();
    const alarm = new Alarm(Math.min(recheckAt(hold, Date.now()), this.deadline() + 1));
    await this.until(() => alarm.rang || this.dueAt() !== due || this.interrupted());
    alarm.cancel();
  }

  /** A release that fails even after its retries is left to the reservation's lease. */
  private async releaseDial(attempt: number, dialled: boolean): Promise<void> {
    await this.outcomeOf(this.activities.releaseDial({ callId: this.input.call.id, attempt, dialled }));
  }

  private async dialNow(attempt: number): Promise<DialOutcome> {
    this.journal.append({ type: 'DialAttemptStarted', data: { attempt } });
    return this.dial(attempt);
  }

  /**
   * Hands the dial to a worker that holds it until its instant, and follows the call once it is made.
   * Commands meanwhile call the hold off (see HeldDial); so does a cancel from Temporal. A dial that may
   * have reached the provider goes on through placeCall, whose idempotency key returns the same provider
   * call if it did.
   */
  private async dialWhenDue(attempt: number): Promise<DialOutcome> {
    const { id, phoneNumber } = this.journal.state;
    const { accountId } = this.input.call;
    const dueAt = this.dueAt();
    const held = new Settled(
      this.heldDial.hold((holdId) =>
        this.activities.placeCallWhenDue({ callId: id, attempt, to: phoneNumber, dueAt: new Date(dueAt).toISOString(), holdId, accountId }),
      ),
    );
    await this.until(() => held.done || this.heldDial.callingOff || this.heldDial.calledOff || this.cancelRequested());
    if (!held.done) void this.heldDial.callOff();
    // A call-off under way decides first: a hold lost with its worker after the instant is then known to be undialled.
    await this.until(() => this.heldDial.calledOff || (held.done && !this.heldDial.callingOff));
    const outcome = this.heldDial.calledOff ? ({ dialled: 'no' } as const) : heldDialOutcome(held, Date.now() < dueAt);
    if (outcome.dialled !== 'no' && outcome.dialled !== 'blocked') this.journal.append({ type: 'DialAttemptStarted', data: { attempt } });
    this.heldDial.settle();
    switch (outcome.dialled) {
      case 'no':
        return 'called off';
      case 'blocked':
        this.journal.append({ type: 'CallBlocked', data: { reason: `${phoneNumber} is on the account's do-not-call list` } });
        return 'blocked';
      case 'maybe':
        return this.dial(attempt);
      case 'refused':
        return this.refused(outcome.error);
      case 'yes':
        return this.accepted(outcome);
    }
  }

  /**
   * Asks the provider to dial, retrying within the dial's policy. Retries that ran out without a clear
   * answer leave the dial's outcome unknown: the provider may have taken the call and lost only its
   * answers. It is then asked again with the same key, which returns that call if it did, for as long as
   * providers keep keys.
   */
  private async dial(attempt: number): Promise<DialOutcome> {
    const placed = await this.place(this.activities.placeCall, attempt);
    if (!placed.failed) return this.accepted(placed);
    if (isProviderRejection(placed.error) || !patched(DIAL_OUTCOME_UNKNOWN_PATCH)) return this.refused(placed.error);
    const askingUntil = new Date(Date.now() + DIAL_CONFIRM_WINDOW_MS).toISOString();
    this.journal.append({ type: 'DialOutcomeUnknown', data: { reason: failureMessage(placed.error), askingUntil } });
    const confirmed = await this.place(this.activities.confirmDial, attempt);
    return confirmed.failed ? this.refused(confirmed.error) : this.accepted(confirmed);
  }

  private async place(
    activity: CallWorkflowActivities['placeCall'],
    attempt: number,
  ): Promise<({ failed: false } & PlacedCall) | { failed: true; error: unknown }> {
    const { id, phoneNumber } = this.journal.state;
    const placed = await this.outcomeOf(activity({ callId: id, attempt, to: phoneNumber }));
    try {
      return { failed: false, ...placed.result() };
    } catch (error) {
      return { failed: true, error };
    }
  }

  private accepted({ externalCallId, statusCallbacks }: PlacedCall): Promise<DialOutcome> {
    this.journal.append({ type: 'ProviderAccepted', data: { externalCallId } });
    return statusCallbacks ? this.followReports(externalCallId, statusCallbacks.fallbackPollMs) : this.follow(externalCallId);
  }

  private refused(error: unknown): DialOutcome {
    this.journal.append({ type: 'CallFailed', data: { reason: `The provider did not take the call: ${failureMessage(error)}` } });
    return 'failed';
  }

  /** Follows the call by polling the provider until each change: calls placed without status callbacks. */
  private async follow(externalCallId: string): Promise<DialOutcome> {
    let known: ProviderCallStatus = 'queued';
    for (;;) {
      const progress = await this.lookUp(this.activities.awaitCallProgress({ externalCallId, knownStatus: known }));
      if (!progress) return 'failed';
      known = progress.status;
      const outcome = this.recordProgress(progress);
      if (outcome) return outcome;
    }
  }

  /**
   * Follows the call by the status changes its callbacks report, in the order the provider numbered them whatever
   * order they come in. When none has come for `fallbackPollMs`, the run asks the provider once itself: a lost
   * callback delays the call by that much at most.
   */
  private async followReports(externalCallId: string, fallbackPollMs: number): Promise<DialOutcome> {
    let known: ProviderCallStatus = 'queued';
    for (;;) {
      const changes: CallProgress[] = await this.reported(externalCallId, known, fallbackPollMs);
      if (changes.length === 0) {
        const progress = await this.lookUp(this.activities.awaitCallProgress({ externalCallId, knownStatus: known, once: true }));
        if (!progress) return 'failed';
        if (providerStatusStage(progress.status) > providerStatusStage(known)) changes.push(progress);
      }
      for (const progress of changes) {
        known = progress.status;
        const outcome = this.recordProgress(progress);
        if (outcome) return outcome;
      }
    }
  }

  /**
   * Waits for the changes reported past `known`, and takes them; none once `fallbackPollMs` passed without one. A
   * change that came before one numbered ahead of it is held for REORDER_WAIT_MS, for that one to come too.
   */
  private async reported(externalCallId: string, known: ProviderCallStatus, fallbackPollMs: number): Promise<ProviderStatusReport[]> {
    const inOrder = () => this.reports.after(externalCallId, known, { pastGaps: false });
    const fallback = new Alarm(Date.now() + fallbackPollMs);
    await this.until(() => fallback.rang || inOrder().length > 0 || this.reports.waiting(externalCallId, known));
    if (inOrder().length === 0 && !fallback.rang) {
      const reorder = new Alarm(Date.now() + REORDER_WAIT_MS);
      await this.until(() => reorder.rang || fallback.rang || inOrder().length > 0);
      reorder.cancel();
    }
    fallback.cancel();
    const changes = inOrder().length > 0 ? inOrder() : this.reports.after(externalCallId, known, { pastGaps: true });
    changes.forEach((report) => this.reports.take(report));
    return changes;
  }

  /** The provider's answer about the call; null, recorded as the call's failure, when it could not be had. */
  private async lookUp(activity: Promise<CallProgress>): Promise<CallProgress | null> {
    const polled = await this.outcomeOf(activity);
    try {
      return polled.result();
    } catch (error) {
      this.journal.append({ type: 'CallFailed', data: { reason: `Lost track of the call: ${failureMessage(error)}` } });
      return null;
    }
  }

  /** Records a status the call reached; answers how the dial ended once it has, or null while it goes on. */
  private recordProgress({ status, durationSeconds }: CallProgress): DialOutcome | null {
    switch (status) {
      case 'queued':
        return null;
      case 'ringing':
        this.journal.append({ type: 'CallRinging', data: {} });
        return null;
      case 'in_progress':
        this.journal.append({ type: 'CallAnswered', data: {} });
        return null;
      case 'completed':
        this.journal.append({ type: 'CallCompleted', data: { durationSeconds: durationSeconds ?? 0 } });
        return 'completed';
      case 'no_answer':
      case 'busy':
        return status;
      case 'failed':
        this.journal.append({ type: 'CallFailed', data: { reason: 'The provider reported the call failed' } });
        return 'failed';
    }
  }

  /** Ends the run once its events are in PostgreSQL and every command it took has its answer. */
  private async finish(): Promise<CallState> {
    await this.until(() => this.journal.written);
    await condition(allHandlersFinished);
    return this.journal.state;
  }

  /** Temporal's cancel of a pending call: recorded like any cancel, then the workflow closes as cancelled. */
  private async cancel(): Promise<never> {
    this.journal.append({ type: 'CallCancelled', data: { reason: 'The workflow was cancelled' } });
    await this.finish();
    throw new CancelledFailure('The workflow was cancelled');
  }

  /**
   * Hands the call to a fresh run, as Temporal suggests before the history or the update count grows
   * too large, with the events not written yet. It first lets the write under way finish: Temporal
   * refuses to close a run while one of its activities reports back. Returns if the call stopped
   * waiting, or was cancelled, meanwhile.
   */
  private async continueAsNew(): Promise<void> {
    await condition(() => this.journal.idle);
    await condition(allHandlersFinished);
    if (!isPending(this.journal.state) || this.cancelRequested()) return;
    await continueAsNew<typeof callWorkflow>({
      ...this.input,
      continued: { state: this.journal.state, unwritten: this.journal.pending(), ...this.commands.taken() },
    });
  }
}
