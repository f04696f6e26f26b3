import { evolve, type CallEvent, type CallState, type JournalEntry } from '@call-scheduler/shared/workflow';
import type { CallWorkflowActivities } from './call-activities';
import { Settled } from './settled';

/** The most events one projection write carries, so a backlog is written in payloads of bounded size. */
const MAX_BATCH = 100;

type RecordCallEvents = CallWorkflowActivities['recordCallEvents'];

/**
 * A call's state and the events that made it. An event is applied the moment it is appended, so
 * handlers and the workflow's own steps always decide on the latest state. The events are written
 * to PostgreSQL in order, one batch at a time, each by an ordinary activity: an activity exists only
 * once the workflow task that scheduled it has completed, so only events in the history are written.
 */
export class CallJournal {
  private readonly unwritten: JournalEntry[];
  private write: Settled<void> | null = null;

  constructor(
    private current: CallState,
    private readonly record: RecordCallEvents,
    unwritten: JournalEntry[] = [],
  ) {
    this.unwritten = [...unwritten];
  }

  get state(): CallState {
    return this.current;
  }

  /** Applies the event, to be written with the next batch; to a call that has ended, it does nothing. */
  append(event: CallEvent): void {
    const occurredAt = new Date().toISOString();
    const state = evolve(this.current, event, occurredAt);
    if (state === this.current) return;
    this.current = state;
    this.unwritten.push({ event: { ...event, callId: state.id, seq: state.version, occurredAt }, state });
  }

  /** No write is under way. */
  get idle(): boolean {
    return this.write === null || this.write.done;
  }

  /** There is something for flush() to do. */
  get flushable(): boolean {
    return this.idle && (this.write !== null || this.unwritten.length > 0);
  }

  get written(): boolean {
    return this.idle && this.unwritten.length === 0;
  }

  /** Starts writing the oldest events, unless a write is under way; throws once a write has run out of retries. */
  flush(): void {
    if (!this.idle) return;
    this.settleWrite();
    if (this.unwritten.length === 0) return;
    const batch = this.unwritten.splice(0, MAX_BATCH);
    this.write = new Settled(this.record({ events: batch.map((entry) => entry.event), state: batch.at(-1)!.state }));
  }

  /** The events not written yet, oldest first, for the next run; only once idle. */
  pending(): JournalEntry[] {
    this.settleWrite();
    return [...this.unwritten];
  }

  private settleWrite(): void {
    this.write?.result();
    this.write = null;
  }
}
