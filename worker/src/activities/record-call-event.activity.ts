import type { CallRepository } from '@call-scheduler/db';
import type { CallState, RecordedCallEvent } from '@call-scheduler/shared';

export interface RecordCallEventInput {
  event: RecordedCallEvent;
  state: CallState;
}

/** Projects one event into PostgreSQL; safe to repeat, and never moves a call backwards. */
export function createRecordCallEvent(calls: CallRepository) {
  return async function recordCallEvent({ event, state }: RecordCallEventInput): Promise<void> {
    await calls.record(event, state);
  };
}
