import type { CallRepository } from '@call-scheduler/db';
import type { CallState, RecordedCallEvent } from '@call-scheduler/shared';

export interface RecordCallEventsInput {
  /** Consecutive events of one call, oldest first. */
  events: RecordedCallEvent[];
  /** The call's state after the last of them. */
  state: CallState;
}

/** Projects a batch of a call's events into PostgreSQL in one transaction; safe to repeat, and never moves a call backwards. */
export function createRecordCallEvents(calls: CallRepository) {
  return async function recordCallEvents({ events, state }: RecordCallEventsInput): Promise<void> {
    await calls.record(events, state);
  };
}
