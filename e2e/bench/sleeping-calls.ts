import type { StackClient } from '../src/support/stack-client';
import { inParallel } from './in-parallel';

/** Far enough ahead that a call only sleeps while the bench runs. */
export const SLEEP_FOR_MS = 24 * 60 * 60 * 1000;

export interface SleepingCall {
  id: string;
  phoneNumber: string;
}

export interface CreatedCalls {
  calls: SleepingCall[];
  /** From the first request sent to the last answer. */
  elapsedMs: number;
  /** Each `POST /api/calls`, from its send to its answer. */
  requestMs: number[];
}

/** One call per number through `POST /api/calls`, due a day from now, `concurrency` requests at once. */
export async function createSleepingCalls(client: StackClient, phoneNumbers: readonly string[], concurrency: number): Promise<CreatedCalls> {
  const calls: SleepingCall[] = [];
  const requestMs: number[] = [];
  const started = performance.now();
  await inParallel(phoneNumbers, concurrency, async (phoneNumber) => {
    const sent = performance.now();
    const { id } = await client.scheduleCall(phoneNumber, SLEEP_FOR_MS);
    requestMs.push(performance.now() - sent);
    calls.push({ id, phoneNumber });
  });
  return { calls, elapsedMs: performance.now() - started, requestMs };
}
