import type { CallRepository } from '@call-scheduler/db';
import type { ProviderClient } from '../provider/provider.client';
import { createAwaitCallProgress } from './await-call-progress.activity';
import { createPlaceCall } from './place-call.activity';
import { createRecordCallEvent } from './record-call-event.activity';
import { createRecordCallEvents } from './record-call-events.activity';

export interface ActivityDependencies {
  provider: ProviderClient;
  calls: CallRepository;
  pollIntervalMs: number;
}

export function createActivities({ provider, calls, pollIntervalMs }: ActivityDependencies) {
  return {
    placeCall: createPlaceCall(provider),
    awaitCallProgress: createAwaitCallProgress(provider, pollIntervalMs),
    recordCallEvents: createRecordCallEvents(calls),
    recordCallEvent: createRecordCallEvent(calls),
  };
}

export type CallActivities = ReturnType<typeof createActivities>;
export type { PlaceCallInput } from './place-call.activity';
export type { AwaitCallProgressInput, CallProgress } from './await-call-progress.activity';
export type { RecordCallEventsInput } from './record-call-events.activity';
export type { RecordCallEventInput } from './record-call-event.activity';
