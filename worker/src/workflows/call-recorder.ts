import { evolve, type CallEvent, type CallState, type RecordedCallEvent } from '@call-scheduler/shared/workflow';

type Record = (input: { event: RecordedCallEvent; state: CallState }) => Promise<void>;

/** Holds a call's state; every change goes through an event that is applied, numbered and recorded. */
export class CallRecorder {
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
    this.current = state;
    await this.record({ event: { ...event, callId: state.id, seq: state.version, occurredAt }, state });
    return state;
  }
}
