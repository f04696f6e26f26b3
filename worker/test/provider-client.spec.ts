import { startMockProvider, type MockProvider } from '@call-scheduler/mock-provider';
import { createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { ProviderClient } from '../src/provider/provider.client';
import { ProviderHttpError, ProviderUnavailableError } from '../src/provider/provider.errors';

const TO = '+14155550123';

describe('ProviderClient against the mock provider', () => {
  let provider: MockProvider;
  let client: ProviderClient;

  beforeEach(async () => {
    provider = await startMockProvider({ port: 0, logger: false, apiKey: 'secret', behaviour: { latencyMs: 0 } });
    client = new ProviderClient({ baseUrl: provider.url, apiKey: 'secret', timeoutMs: 500 });
  });
  afterEach(async () => {
    client.close();
    await provider.close();
  });

  it('places a call with its key and reads it back', async () => {
    const placed = await client.placeCall({ to: TO, idempotencyKey: 'key-1' });

    expect(provider.calls()).toEqual([expect.objectContaining({ id: placed.id, to: TO, idempotencyKey: 'key-1', postCount: 1 })]);
    await expect(client.getCall(placed.id)).resolves.toEqual({ id: placed.id, status: 'queued', durationSeconds: 0 });
  });

  it('reports a refusal as a permanent error with its status and body', async () => {
    provider.setBehaviour({ createErrorsByNumber: { [TO]: 422 } });

    const error = await client.placeCall({ to: TO, idempotencyKey: 'key-1' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error).toMatchObject({ status: 422, isPermanent: true, body: expect.stringContaining('Injected 422') });
  });

  it("reads a 429's Retry-After as the delay before the next attempt", async () => {
    provider.setBehaviour({ createErrorsByNumber: { [TO]: 429 } });

    await expect(client.placeCall({ to: TO, idempotencyKey: 'key-1' })).rejects.toMatchObject({ status: 429, isPermanent: false, retryAfterMs: 1000 });
  });

  it('gives up on a provider that does not answer within the timeout', async () => {
    provider.setBehaviour({ createErrorsByNumber: { [TO]: 'timeout' }, timeoutMs: 5_000 });

    const error = await client.placeCall({ to: TO, idempotencyKey: 'key-1' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toBe('POST /calls failed: timed out');
  });

  it('passes an abort from its caller through unchanged', async () => {
    provider.setBehaviour({ latencyMs: 300 });
    const caller = new AbortController();

    const placing = client.placeCall({ to: TO, idempotencyKey: 'key-1' }, caller.signal);
    caller.abort(new Error('cancelled by the workflow'));

    await expect(placing).rejects.toThrow('cancelled by the workflow');
  });

  it('reports a provider that cannot be reached', async () => {
    const unreachable = new ProviderClient({ baseUrl: `http://127.0.0.1:${await aClosedPort()}`, timeoutMs: 500 });

    await expect(unreachable.getCall('any')).rejects.toThrow(ProviderUnavailableError);
    unreachable.close();
  });
});

describe('ProviderClient.prepareCall', () => {
  let provider: MockProvider;
  let client: ProviderClient;

  beforeEach(async () => {
    provider = await startMockProvider({ port: 0, logger: false, behaviour: { latencyMs: 0 } });
    client = new ProviderClient({ baseUrl: provider.url, timeoutMs: 500 });
  });
  afterEach(async () => {
    client.close();
    await provider.close();
  });

  it('dials nothing until the call is placed, then places it once', async () => {
    const prepared = client.prepareCall({ to: TO, idempotencyKey: 'key-1' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(provider.calls()).toEqual([]);

    const placed = await prepared.place();

    expect(provider.calls()).toEqual([expect.objectContaining({ id: placed.id, to: TO, idempotencyKey: 'key-1', postCount: 1 })]);
  });

  it('dials nothing when discarded', async () => {
    client.prepareCall({ to: TO, idempotencyKey: 'key-1' }).discard();
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(provider.calls()).toEqual([]);
  });

  it('reports at placing a connection that could not be opened', async () => {
    const unreachable = new ProviderClient({ baseUrl: `http://127.0.0.1:${await aClosedPort()}`, timeoutMs: 500 });
    const prepared = unreachable.prepareCall({ to: TO, idempotencyKey: 'key-1' });
    await new Promise((resolve) => setTimeout(resolve, 50));

    await expect(prepared.place()).rejects.toThrow(ProviderUnavailableError);
  });
});

describe('a prepared call on the wire', () => {
  let server: Server;
  const connections: { socket: Socket; received: string }[] = [];

  beforeEach(async () => {
    connections.length = 0;
    server = createServer((socket) => {
      const connection = { socket, received: '' };
      connections.push(connection);
      socket.on('data', (chunk) => {
        connection.received += chunk.toString();
        if (connection.received.includes('key-1')) socket.end('HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"id":"c1"}');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('is connected ahead and sends its request only when placed', async () => {
    const client = new ProviderClient({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`, timeoutMs: 500 });

    const prepared = client.prepareCall({ to: TO, idempotencyKey: 'key-1' });
    await once(server, 'connection');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections.map((connection) => connection.received)).toEqual(['']);

    await expect(prepared.place()).resolves.toEqual({ id: 'c1' });
    expect(connections[0]?.received).toMatch(/^POST \/calls HTTP\/1.1\r\n[\s\S]*"idempotencyKey":"key-1"/);
    client.close();
  });
});

async function aClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
