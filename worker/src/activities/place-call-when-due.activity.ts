import { CancelledFailure, Context } from '@temporalio/activity';
import type { ProviderClient } from '../provider/provider.client';
import type { PlaceCallInput } from './place-call.activity';
import { toActivityFailure } from './provider-failure';

export interface PlaceCallWhenDueInput extends PlaceCallInput {
  /** The instant to dial at, never before. */
  dueAt: string;
}

/** `placed: false`: called off before its instant, so nothing was dialled. */
export type HeldDialResult = { placed: true; externalCallId: string } | { placed: false };

/**
 * How often a held dial heartbeats, which is how a call-off reaches it: one asked for later than this
 * before the instant may find the dial made. Each heartbeat is a request to the Temporal server.
 */
export const HELD_DIAL_HEARTBEAT_MS = 1_000;

/**
 * Holds a dial on this worker until its instant, then asks the provider once. The workflow starts it a
 * lead ahead of time, so that a burst of calls due in the same second no longer waits on the engine's
 * timers and tasks at that second. Cancelled before the instant, it dials nothing; from the instant on,
 * it ignores cancellation: the dial is being made. The idempotency key is placeCall's, so a retry of the
 * same attempt by either activity gets the same provider call back.
 */
export function createPlaceCallWhenDue(provider: ProviderClient) {
  return async function placeCallWhenDue({ callId, attempt, to, dueAt }: PlaceCallWhenDueInput): Promise<HeldDialResult> {
    const context = Context.current();
    if (!(await holdUntil(Date.parse(dueAt), context))) return { placed: false };
    const heartbeat = setInterval(() => context.heartbeat(), HELD_DIAL_HEARTBEAT_MS);
    try {
      const { id } = await provider.placeCall(to, `${callId}:${attempt}`);
      return { placed: true, externalCallId: id };
    } catch (error) {
      throw toActivityFailure(error);
    } finally {
      clearInterval(heartbeat);
    }
  };
}

/** Waits until `at` (true), heartbeating, or until the activity is cancelled first (false). */
async function holdUntil(at: number, context: Context): Promise<boolean> {
  for (let left = at - Date.now(); left > 0; left = at - Date.now()) {
    context.heartbeat();
    try {
      await context.sleep(Math.min(left, HELD_DIAL_HEARTBEAT_MS));
    } catch (error) {
      if (error instanceof CancelledFailure) return false;
      throw error;
    }
  }
  return true;
}
