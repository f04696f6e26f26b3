import type { DialRequest } from '../provider/provider.client';
import type { PlaceCallInput } from './place-call.activity';

/** Where the provider is to post a call's status changes: the API's receiver, told which call it is about. */
export interface StatusCallbacks {
  url: string;
  /** How long a call followed by its callbacks waits for one before it asks the provider itself. */
  fallbackPollMs: number;
}

/** One attempt's dial: its key names the attempt, so every retry of it gets the same provider call back. */
export function dialRequest({ callId, attempt, to }: PlaceCallInput, callbacks: StatusCallbacks | undefined): DialRequest {
  return { to, idempotencyKey: `${callId}:${attempt}`, ...(callbacks ? { statusCallbackUrl: callbackUrlFor(callbacks.url, callId) } : {}) };
}

/** What a placed dial tells the run about how to follow it: absent, it polls as before callbacks existed. */
export function followedBy(callbacks: StatusCallbacks | undefined): { statusCallbacks?: { fallbackPollMs: number } } {
  return callbacks ? { statusCallbacks: { fallbackPollMs: callbacks.fallbackPollMs } } : {};
}

function callbackUrlFor(url: string, callId: string): string {
  const callback = new URL(url);
  callback.searchParams.set('callId', callId);
  return callback.toString();
}
