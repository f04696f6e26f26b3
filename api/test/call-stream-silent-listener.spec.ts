import { CALL_STREAM_EVENT, newCallState, type CallState } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { LISTENER_APPLICATION_NAME } from '../src/calls/stream/call-change-listener';
import { ApiHarness, HOUR, SECOND, fromNow, uniquePhoneNumber } from './api-harness';
import { CallStreamClient } from './call-stream-client';

const PROBE_MS = 1_000;
/** A probe asked just before the connection went silent goes unanswered for a whole interval, then the next one for another. */
const NOTICED_WITHIN_MS = 2 * PROBE_MS + 2 * SECOND;

let harness: ApiHarness;
let client: CallStreamClient | undefined;

beforeAll(async () => {
  harness = await ApiHarness.start({ worker: false, config: { CALL_STREAM_LISTENER_PROBE_MS: String(PROBE_MS) } });
});

afterEach(() => client?.close());

afterAll(() => harness?.close());

/** A new call as the worker or another API process would write it, with no workflow behind it. */
function callWrittenElsewhere(): CallState {
  const createdAt = new Date().toISOString();
  return newCallState({ id: randomUUID(), accountId: harness.account.id, phoneNumber: uniquePhoneNumber(), note: null, scheduledAt: fromNow(HOUR), maxAttempts: 3, retryDelaySeconds: 300, createdAt });
}

/**
 * Stops the server process behind the API's LISTEN connection until `act` is done: its socket stays
 * open and says nothing, as one whose peer vanished does (a failover, a NAT that forgot it).
 */
async function whileListenerSilent<T>(act: () => Promise<T>): Promise<T> {
  const listeners = await harness.connectionsOf(LISTENER_APPLICATION_NAME);
  expect(listeners).toHaveLength(1);
  const [backend] = listeners as [number];
  process.kill(backend, 'SIGSTOP');
  try {
    return await act();
  } finally {
    process.kill(backend, 'SIGCONT');
  }
}

describe('when the API\'s database listener goes silent without a word', () => {
  it('notices within its probe bound, listens again, tells clients to resync, and sends later changes', async () => {
    client = await CallStreamClient.open(await harness.app.getUrl(), harness.account.keys.viewer.secret);
    const stream = client;
    const missed = callWrittenElsewhere();
    const later = callWrittenElsewhere();

    await whileListenerSilent(async () => {
      await harness.calls.insertNew(missed);
      await stream.waitFor((events) => events.find((event) => event.type === CALL_STREAM_EVENT.resync), NOTICED_WITHIN_MS);
    });
    await harness.calls.insertNew(later);
    await stream.waitFor((events) => events.find((event) => event.type === CALL_STREAM_EVENT.call && event.data.id === later.id), 5 * SECOND);
    const refetched = await harness.listAll();

    expect(stream.events.filter((event) => event.type === CALL_STREAM_EVENT.resync)).toEqual([{ type: 'resync', data: {} }]);
    expect(refetched.map((call) => call.id)).toEqual(expect.arrayContaining([missed.id, later.id]));
    expect({ opened: stream.opened, dropped: stream.dropped }).toEqual({ opened: 1, dropped: 0 });
  });
});
