import type { ProviderClient } from '../provider/provider.client';
import { dialRequest, followedBy, type StatusCallbacks } from './dial-request';
import { heartbeating } from './heartbeating';
import { toActivityFailure } from './provider-failure';

export interface PlaceCallInput {
  callId: string;
  attempt: number;
  to: string;
}

/** The provider's id of the call it placed; `statusCallbacks` when it posts the call's status changes. */
export interface PlacedCall {
  externalCallId: string;
  statusCallbacks?: { fallbackPollMs: number };
}

/**
 * Asks the provider to dial. The idempotency key names the dial attempt, not the HTTP request,
 * so every retry of this activity for the same attempt gets the same provider call back. It heartbeats
 * while the request is out, so that a worker that died with it is noticed in seconds, not at the
 * start-to-close timeout that a slow provider needs.
 */
export function createPlaceCall(provider: ProviderClient, callbacks?: StatusCallbacks) {
  return function placeCall(input: PlaceCallInput): Promise<PlacedCall> {
    return heartbeating(async (context) => {
      try {
        const { id } = await provider.placeCall(dialRequest(input, callbacks), context.cancellationSignal);
        return { externalCallId: id, ...followedBy(callbacks) };
      } catch (error) {
        throw toActivityFailure(error);
      }
    });
  };
}
