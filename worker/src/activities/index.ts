import type { CallRepository, DialReservationRepository } from '@call-scheduler/db';
import type { ProviderClient } from '../provider/provider.client';
import { createAwaitCallProgress } from './await-call-progress.activity';
import { createPlaceCall } from './place-call.activity';
import { createPlaceCallWhenDue } from './place-call-when-due.activity';
import { createRecordCallEvent } from './record-call-event.activity';
import { createRecordCallEvents } from './record-call-events.activity';
import { createReleaseDial } from './release-dial.activity';
import { createReserveDial } from './reserve-dial.activity';

export interface ActivityDependencies {
  provider: ProviderClient;
  calls: CallRepository;
  reservations: DialReservationRepository;
  pollIntervalMs: number;
}

export function createActivities({ provider, calls, reservations, pollIntervalMs }: ActivityDependencies) {
  return {
    reserveDial: createReserveDial(reservations),
    releaseDial: createReleaseDial(reservations),
    placeCall: createPlaceCall(provider),
    placeCallWhenDue: createPlaceCallWhenDue(provider),
    awaitCallProgress: createAwaitCallProgress(provider, pollIntervalMs),
    recordCallEvents: createRecordCallEvents(calls),
    recordCallEvent: createRecordCallEvent(calls),
  };
}

export type CallActivities = ReturnType<typeof createActivities>;
export type { ReserveDialInput, DialReservation } from './reserve-dial.activity';
export type { ReleaseDialInput } from './release-dial.activity';
export type { PlaceCallInput } from './place-call.activity';
export { HELD_DIAL_HEARTBEAT_MS, type PlaceCallWhenDueInput, type HeldDialResult } from './place-call-when-due.activity';
export type { AwaitCallProgressInput, CallProgress } from './await-call-progress.activity';
export type { RecordCallEventsInput } from './record-call-events.activity';
export type { RecordCallEventInput } from './record-call-event.activity';
