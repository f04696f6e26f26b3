import type { CallRepository } from '@call-scheduler/db';
import type { JournalEntry } from '@call-scheduler/shared/workflow';

export type RecordCallEventInput = JournalEntry;

/** The local activity of calls started before events were recorded from the history (see workflows/legacy). */
export function createRecordCallEvent(calls: CallRepository) {
  return async function recordCallEvent({ event, state }: RecordCallEventInput): Promise<void> {
    await calls.record([event], state);
  };
}
