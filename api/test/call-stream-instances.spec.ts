import { CALL_STREAM_EVENT } from '@call-scheduler/shared';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LISTENER_APPLICATION_NAME } from '../src/calls/stream/call-change-listener';
import { ApiHarness, SECOND, eventually, startApi, uniquePhoneNumber } from './api-harness';
import { CallStreamClient } from './call-stream-client';

let harness: ApiHarness;
/** API instances a test started besides the harness's, on the same database and task queue, still open. */
const others = new Set<NestExpressApplication>();
const clients: CallStreamClient[] = [];

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await Promise.all([...others].map((app) => app.close()));
  others.clear();
});

afterAll(() => harness?.close());

async function anotherInstance(): Promise<NestExpressApplication> {
  const app = await startApi(harness.config);
  others.add(app);
  return app;
}

async function connect(app: NestExpressApplication): Promise<CallStreamClient> {
  const client = await CallStreamClient.open(await app.getUrl(), harness.account.keys.viewer.secret);
  clients.push(client);
  return client;
}

describe('a second API instance on the same database', () => {
  it('streams every change of a call created through the first, through to completed', async () => {
    const client = await connect(await anotherInstance());

    const created = await harness.createCall({ phoneNumber: uniquePhoneNumber() });
    await client.waitFor((events) => events.find((event) => event.type === CALL_STREAM_EVENT.call && event.data.id === created.id && event.data.status === 'completed'));

    const { events: _events, ...final } = await harness.getCall(created.id);
    expect(client.copiesOf(created.id).at(-1)).toEqual(final);
  });
});

describe('shutting the API down while clients are connected', () => {
  it('ends their streams and closes at once', async () => {
    const listenersBefore = await harness.connectionsOf(LISTENER_APPLICATION_NAME);
    const app = await anotherInstance();
    const connected = [await connect(app), await connect(app)];

    others.delete(app);
    const started = Date.now();
    await app.close();
    const closedInMs = Date.now() - started;
    await Promise.all(connected.map((client) => client.waitFor(() => (client.dropped > 0 ? true : undefined))));

    expect(closedInMs).toBeLessThan(2 * SECOND);
    // Its own listener's connection is gone; the harness's instance keeps its own.
    expect(await eventually(() => harness.connectionsOf(LISTENER_APPLICATION_NAME), (pids) => pids.length === listenersBefore.length)).toEqual(listenersBefore);
  });
});
