import type { ProviderClient } from '../provider/provider.client';
import { heartbeating } from './heartbeating';
import { toActivityFailure } from './provider-failure';

export interface PlaceCallInput {
  callId: string;
  attempt: number;
  to: string;
}

/**
 * Asks the provider to dial. The idempotency key names the dial attempt, not the HTTP request,
 * so every retry of this activity for the same attempt gets the same provider call back. It heartbeats
 * while the request is out, so that a worker that died with it is noticed in seconds, not at the
 * start-to-close timeout that a slow provider needs.
 */
export function createPlaceCall(provider: ProviderClient) {
  return function placeCall({ callId, attempt, to }: PlaceCallInput): Promise<{ externalCallId: string }> {
    return heartbeating(async (context) => {
      try {
        const { id } = await provider.placeCall(to, `${callId}:${attempt}`, context.cancellationSignal);
        return { externalCallId: id };
      } catch (error) {
        throw toActivityFailure(error);
      }
    });
  };
}
