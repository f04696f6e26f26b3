import { isTerminal, type CallDetailDto } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StackClient } from '../../src/support/stack-client';
import { SLEEP_FOR_MS } from '../sleeping-calls';
import type { Sighting } from './lags';

/** How often the call is read while it is followed: the resolution of "row shown". */
export const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

export interface FollowedCall {
  id: string;
  phoneNumber: string;
  /** This machine's clock when the start-now was sent, ms. */
  startNowSentAt: number;
  /** When each new version was first shown by GET /api/calls/:id (at the answer). */
  rows: Sighting[];
  /** The call as the last GET showed it, ended, with its timeline. */
  ended: CallDetailDto;
}

/**
 * A call made to sleep for a day, started now once its first event is in PostgreSQL, and read every
 * 10 ms until it has ended, noting when each version of it was first shown.
 */
export async function followCall(client: StackClient, phoneNumber: string): Promise<FollowedCall> {
  const { id } = await client.scheduleCall(phoneNumber, SLEEP_FOR_MS);
  const rows: Sighting[] = [];
  const startFailed = new AbortController();
  let startNowSentAt = 0;
  const ended = await watch(client, id, startFailed.signal, (version) => {
    rows.push({ version, at: Date.now() });
    if (version >= 1 && startNowSentAt === 0) {
      startNowSentAt = Date.now();
      client.startNow(id).catch((error: unknown) => startFailed.abort(error));
    }
  });
  return { id, phoneNumber, startNowSentAt, rows, ended };
}

/** Reads the call until it has ended; `seen` hears each version the first time an answer shows it. */
async function watch(client: StackClient, id: string, stop: AbortSignal, seen: (version: number) => void): Promise<CallDetailDto> {
  const giveUpAt = Date.now() + GIVE_UP_MS;
  for (let last = -1; ; ) {
    stop.throwIfAborted();
    const call = await client.getCall(id);
    if (call.version > last) seen((last = call.version));
    if (isTerminal(call)) return call;
    if (Date.now() > giveUpAt) throw new Error(`call ${id} had not ended ${GIVE_UP_MS} ms after it was created: ${call.status}`);
    await sleep(POLL_MS);
  }
}
