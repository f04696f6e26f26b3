import { evolve, type CallEvent, type CallState, type JournalEntry } from '@call-scheduler/shared/workflow';

type Record = (entry: JournalEntry) => Promise<void>;

/**
 * Holds a call's state; every change goes through an event that is applied, numbered and recorded
 * by a local activity at once. Only calls started before the history recorder (see call.workflow.ts) use it.
 */
export class CallRecorder {
  /** The seq of each event whose write has finished, in the order they finished. */
  private readonly finished: number[] = [];

  constructor(
    private current: CallState,
    private readonly record: Record,
  ) {}

  get state(): CallState {
    return this.current;
  }

  /** Applies the event at once, then resolves when its projection is written (read-your-writes). */
  async emit(event: CallEvent): Promise<CallState> {
    const occurredAt = new Date().toISOString();
    const state = evolve(this.current, event, occurredAt);
    // An ended call stays ended: there is nothing to record.
    if (state === this.current) return state;
    this.current = state;
    await this.record({ event: { ...event, callId: state.id, seq: state.version, occurredAt }, state });
    this.finished.push(state.version);
    return state;
  }

  /** Whether the writes of every event before `seq` had finished when the write of `seq` finished. */
  writtenAfterEveryEarlier(seq: number): boolean {
    const before = this.finished.slice(0, this.finished.indexOf(seq));
    return before.filter((earlier) => earlier < seq).length === seq - 1;
  }

}
