import type { CallRepository, DialReservationRepository, HeldDialRepository } from '@call-scheduler/db';
import type { ProviderClient } from '../provider/provider.client';
import { createAwaitCallProgress, type FollowSettings } from './await-call-progress.activity';
import { createCallOffHeldDial } from './call-off-held-dial.activity';
import { callIdForRunActivity } from './call-id-for-run.activity';
import { callingWindowAtActivity } from './calling-window-at.activity';
import { HeldDialClaims } from './held-dial-claims';
import type { StatusCallbacks } from './dial-request';
import { createPlaceCall } from './place-call.activity';
import { createPlaceCallWhenDue, type Clock } from './place-call-when-due.activity';
import { createRecordCallEvent } from './record-call-event.activity';
import { createRecordCallEvents } from './record-call-events.activity';
import { createReleaseDial } from './release-dial.activity';
import { createReserveDial } from './reserve-dial.activity';

export interface ActivityDependencies {
  provider: ProviderClient;
  calls: CallRepository;
  reservations: DialReservationRepository;
  heldDials: HeldDialRepository;
  follow: FollowSettings;
  /** When held dials are made; the worker's clock unless a test skips time. */
  clock?: Clock;
  /** Where the provider posts status changes; without it, calls are followed by polling the provider. */
  statusCallbacks?: StatusCallbacks;
}

export function createActivities({ provider, calls, reservations, heldDials, follow, clock, statusCallbacks }: ActivityDependencies) {
  return {
    reserveDial: createReserveDial(reservations),
    releaseDial: createReleaseDial(reservations),
    placeCall: createPlaceCall(provider, statusCallbacks),
    placeCallWhenDue: createPlaceCallWhenDue(provider, new HeldDialClaims(heldDials), clock, statusCallbacks),
    callOffHeldDial: createCallOffHeldDial(heldDials),
    awaitCallProgress: createAwaitCallProgress(provider, follow),
    recordCallEvents: createRecordCallEvents(calls),
    recordCallEvent: createRecordCallEvent(calls),
    callingWindowAt: callingWindowAtActivity,
    callIdForRun: callIdForRunActivity,
  };
}

export type CallActivities = ReturnType<typeof createActivities>;
export type { ReserveDialInput, DialReservation } from './reserve-dial.activity';
export type { ReleaseDialInput } from './release-dial.activity';
export type { PlaceCallInput, PlacedCall } from './place-call.activity';
export type { StatusCallbacks } from './dial-request';
export type { PlaceCallWhenDueInput, HeldDialResult, Clock } from './place-call-when-due.activity';
export type { CallOffHeldDialInput } from './call-off-held-dial.activity';
export type { CallingWindowAtInput } from './calling-window-at.activity';
export type { AwaitCallProgressInput, CallProgress, FollowSettings } from './await-call-progress.activity';
export type { RecordCallEventsInput } from './record-call-events.activity';
export type { RecordCallEventInput } from './record-call-event.activity';
