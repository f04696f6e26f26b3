import type { StackClient } from '../../src/support/stack-client';
import { inParallel } from '../in-parallel';
import { SLEEP_FOR_MS, type SleepingCall } from '../sleeping-calls';

export const COMMANDS = ['cancel', 'reschedule', 'start-now'] as const;
export type Command = (typeof COMMANDS)[number];

const ROUTES: Record<Command, (id: string) => { path: string; init: RequestInit }> = {
  cancel: (id) => ({ path: `/api/calls/${id}/cancel`, init: { method: 'POST' } }),
  // Another day on: the call goes on sleeping.
  reschedule: (id) => ({
    path: `/api/calls/${id}`,
    init: { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scheduledAt: new Date(Date.now() + 2 * SLEEP_FOR_MS).toISOString() }) },
  }),
  'start-now': (id) => ({ path: `/api/calls/${id}/start-now`, init: { method: 'POST' } }),
};

/** One command's request, as the client saw it. */
export interface CommandSample {
  phoneNumber: string;
  /** This machine's clock when the request was sent, ms. */
  sentAt: number;
  /** From the send to the answer (which comes once the projection shows the command). */
  ms: number;
}

/** The command to each call, `concurrency` requests at once; each must be answered 200. */
export async function sendCommands(client: StackClient, command: Command, calls: readonly SleepingCall[], concurrency: number): Promise<CommandSample[]> {
  const samples: CommandSample[] = [];
  await inParallel(calls, concurrency, async ({ id, phoneNumber }) => {
    const { path, init } = ROUTES[command](id);
    const sentAt = Date.now();
    const sent = performance.now();
    const response = await client.api(path, init);
    const body = await response.text();
    const ms = performance.now() - sent;
    if (response.status !== 200) throw new Error(`${command} of call ${id} answered ${response.status}: ${body}`);
    samples.push({ phoneNumber, sentAt, ms });
  });
  return samples;
}
