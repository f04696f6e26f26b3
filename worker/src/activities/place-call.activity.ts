import { Context } from '@temporalio/activity';
import type { ProviderClient } from '../provider/provider.client';
import { toActivityFailure } from './provider-failure';

export interface PlaceCallInput {
  callId: string;
  attempt: number;
  to: string;
}

/**
 * Asks the provider to dial. The idempotency key names the dial attempt, not the HTTP request,
 * so every retry of this activity for the same attempt gets the same provider call back.
 */
export function createPlaceCall(provider: ProviderClient) {
  return async function placeCall({ callId, attempt, to }: PlaceCallInput): Promise<{ externalCallId: string }> {
    try {
      const { id } = await provider.placeCall(to, `${callId}:${attempt}`, Context.current().cancellationSignal);
      return { externalCallId: id };
    } catch (error) {
      throw toActivityFailure(error);
    }
  };
}
