import { createHmac } from 'node:crypto';
import request from 'supertest';
import { signStatusCallback, type MockProvider, type MockProviderOptions } from '../src';
import { DUPLICATE_AFTER_MS } from '../src/status-callbacks';
import { startCallbackReceiver, type CallbackReceiver, type ReceivedCallback } from './callback-receiver';
import { startTestProvider, waitUntil } from './provider-harness';

const TO = '+14155550123';
const SECRET = 'whsec_test';
// Each status lasts 50 ms: a completed call calls back at 0, 50, 100 and 150 ms.
const TIMING = { queuedMs: 50, ringingMs: 50, talkMs: 50 };
/** Leaves the test time to act between the queued callback and the next. */
const SLOW_TO_RING = { ...TIMING, queuedMs: 300 };
/** Longer than any call here takes to end and call back. */
const QUIET_MS = 250;
const NO_CALLBACKS = { sent: 0, delivered: 0, failed: 0, lost: 0, duplicated: 0 };

const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Cycles through `values`, so every call draws the same. */
function cycling(...values: number[]): () => number {
  let next = 0;
  return () => values[next++ % values.length] ?? 0;
}

describe('status callbacks', () => {
  let provider: MockProvider;
  let receiver: CallbackReceiver;

  async function start(options: MockProviderOptions = {}, receiverStatus?: number): Promise<void> {
    receiver = await startCallbackReceiver(receiverStatus);
    provider = await startTestProvider({
      webhookSecret: SECRET,
      ...options,
      behaviour: { outcomes: { completed: 1 }, timing: TIMING, ...options.behaviour },
    });
  }
  afterEach(async () => {
    await provider.close();
    await receiver.close();
  });

  const postCall = (idempotencyKey: string, statusCallbackUrl = receiver.url) =>
    request(provider.url).post('/calls').send({ to: TO, idempotencyKey, statusCallbackUrl });
  const statusesOf = (received: ReceivedCallback[]): string[] => received.map((callback) => callback.body.status);

  it('POSTs every status change of a completed call as it happens, in sequence, signed', async () => {
    await start({ behaviour: { timing: { ...TIMING, talkMs: 600 } } });

    const { body: created } = await postCall('k1').expect(201);
    // Counted once the provider has the answer, just after the receiver has the request.
    await waitUntil(() => provider.stats().callbacks.delivered === 4, 2000);

    const createdAt = Date.parse(provider.calls()[0]?.createdAt ?? '');
    expect(receiver.received.map((callback) => callback.body)).toEqual([
      { id: created.id, status: 'queued', sequence: 1, occurredAt: iso(createdAt), to: TO },
      { id: created.id, status: 'ringing', sequence: 2, occurredAt: iso(createdAt + 50), to: TO },
      { id: created.id, status: 'in_progress', sequence: 3, occurredAt: iso(createdAt + 100), to: TO },
      { id: created.id, status: 'completed', sequence: 4, occurredAt: iso(createdAt + 700), durationSeconds: 1, to: TO },
    ]);
    expect(receiver.received[3]?.raw).toBe(
      `{"id":"${created.id}","status":"completed","sequence":4,"occurredAt":"${iso(createdAt + 700)}","durationSeconds":1,"to":"${TO}"}`,
    );
    for (const callback of receiver.received) {
      // Sent when the change happens: never before it, and not long after (a worker's first fetch loads undici).
      const lateMs = callback.receivedAt - Date.parse(callback.body.occurredAt);
      expect(lateMs).toBeGreaterThanOrEqual(-5);
      expect(lateMs).toBeLessThan(1000);
      expectSignedBySecret(callback);
    }
    expect(provider.stats().callbacks).toEqual({ ...NO_CALLBACKS, sent: 4, delivered: 4 });
  });

  it.each([
    ['no_answer', ['queued', 'ringing', 'no_answer']],
    ['busy', ['queued', 'busy']],
  ] as const)('calls back only the statuses a %s call goes through', async (outcome, statuses) => {
    await start({ behaviour: { outcomes: { [outcome]: 1 } } });

    await postCall('k1').expect(201);
    await waitUntil(() => receiver.received.length === statuses.length);
    await sleep(QUIET_MS);

    expect(statusesOf(receiver.received)).toEqual(statuses);
    expect(receiver.received.map((callback) => callback.body.sequence)).toEqual(statuses.map((_, index) => index + 1));
    expect(receiver.received.at(-1)?.body).toMatchObject({ status: outcome, durationSeconds: 0 });
  });

  it('sends nothing for a call without a callback URL', async () => {
    await start();

    await request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'k1' }).expect(201);
    await sleep(QUIET_MS);

    expect(receiver.received).toEqual([]);
    expect(provider.stats().callbacks).toEqual(NO_CALLBACKS);
    expect(provider.calls()).toEqual([expect.objectContaining({ statusCallbackUrl: null })]);
  });

  it('sends callbacks unsigned when no secret is configured', async () => {
    await start({ webhookSecret: undefined });

    await postCall('k1').expect(201);
    await waitUntil(() => receiver.received.length === 1);

    expect(receiver.received[0]?.headers).not.toHaveProperty('x-provider-signature');
    expect(receiver.received[0]?.headers).not.toHaveProperty('x-provider-timestamp');
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
  });

  it('keeps the first callback URL when the idempotency key is replayed', async () => {
    await start();

    const first = await postCall('k1', `${receiver.url}/first`).expect(201);
    const replay = await postCall('k1', `${receiver.url}/second`).expect(201);
    await waitUntil(() => receiver.received.length === 4);
    await sleep(QUIET_MS);

    expect(replay.body).toEqual(first.body);
    expect(receiver.received.map((callback) => callback.path)).toEqual(['/first', '/first', '/first', '/first']);
    expect(provider.calls()).toEqual([expect.objectContaining({ statusCallbackUrl: `${receiver.url}/first`, postCount: 2 })]);
  });

  it('calls back about a call dialled despite an injected 503, whose id the client never learnt', async () => {
    await start({ behaviour: { failureRate: 1 } });

    await postCall('k1').expect(503);
    await waitUntil(() => receiver.received.length === 4);

    expect(receiver.received.map((callback) => callback.body.id)).toEqual(Array(4).fill(provider.calls()[0]?.id));
  });

  describe('faults', () => {
    it('sends nothing at lossRate 1 and counts every callback lost', async () => {
      await start({ behaviour: { statusCallbacks: { lossRate: 1 } } });

      await postCall('k1').expect(201);
      await waitUntil(() => provider.stats().callbacks.lost === 4);
      await sleep(QUIET_MS);

      expect(receiver.received).toEqual([]);
      expect(provider.stats().callbacks).toEqual({ ...NO_CALLBACKS, lost: 4 });
    });

    it('sends every callback twice at duplicateRate 1, the second copy a little later and identical', async () => {
      await start({ behaviour: { statusCallbacks: { duplicateRate: 1 } } });

      await postCall('k1').expect(201);
      await waitUntil(() => provider.stats().callbacks.delivered === 8);

      for (const sequence of [1, 2, 3, 4]) {
        const [first, second, ...more] = receiver.received.filter((callback) => callback.body.sequence === sequence);
        expect(more).toEqual([]);
        expect(second?.raw).toBe(first?.raw);
        // Sent DUPLICATE_AFTER_MS apart; the first copy may also have had to open the connection.
        expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(DUPLICATE_AFTER_MS / 2);
      }
      expect(provider.stats().callbacks).toEqual({ ...NO_CALLBACKS, sent: 8, delivered: 8, duplicated: 4 });
    });

    it('delays each delivery within delayMs, so callbacks arrive out of order and sequence restores it', async () => {
      // Per call: one draw for the outcome, then one delay per change: 360, 40, 240 and 0 ms after it.
      await start({ behaviour: { statusCallbacks: { delayMs: { min: 0, max: 400 } } }, random: cycling(0.5, 0.9, 0.1, 0.6, 0) });

      for (const key of ['a', 'b', 'c']) await postCall(key).expect(201);
      await waitUntil(() => receiver.received.length === 12, 2000);

      const arrivals = provider.calls().map(({ id }) => receiver.received.filter((callback) => callback.body.id === id));
      const sequencesInArrivalOrder = arrivals.map((callbacks) => callbacks.map((callback) => callback.body.sequence));
      expect(sequencesInArrivalOrder.some((sequences) => sequences.join() !== '1,2,3,4')).toBe(true);
      for (const callbacks of arrivals) {
        const inSequence = [...callbacks].sort((a, b) => a.body.sequence - b.body.sequence);
        expect(statusesOf(inSequence)).toEqual(['queued', 'ringing', 'in_progress', 'completed']);
      }
    });

    it('sends nothing while enabled is false, counting the callbacks lost', async () => {
      await start({ behaviour: { statusCallbacks: { enabled: false } } });

      await postCall('k1').expect(201);
      await waitUntil(() => provider.stats().callbacks.lost === 4);
      await sleep(QUIET_MS);

      expect(receiver.received).toEqual([]);
    });

    it('stops the callbacks still to come when webhooks go down mid-call', async () => {
      await start({ behaviour: { timing: SLOW_TO_RING } });

      await postCall('k1').expect(201);
      await waitUntil(() => receiver.received.length === 1);
      provider.setBehaviour({ statusCallbacks: { enabled: false } });
      await waitUntil(() => provider.stats().callbacks.lost === 3);

      expect(statusesOf(receiver.received)).toEqual(['queued']);
    });

    it('counts a delivery answered 500 as failed and never retries it', async () => {
      await start({}, 500);

      await postCall('k1').expect(201);
      await waitUntil(() => provider.stats().callbacks.failed === 4);
      await sleep(QUIET_MS);

      expect(receiver.received).toHaveLength(4);
      expect(provider.stats().callbacks).toEqual({ ...NO_CALLBACKS, sent: 4, failed: 4 });
    });

    it('counts a delivery to a receiver that refuses connections as failed', async () => {
      await start();
      await receiver.close();

      await postCall('k1').expect(201);
      await waitUntil(() => provider.stats().callbacks.failed === 4);

      expect(provider.stats().callbacks).toEqual({ ...NO_CALLBACKS, sent: 4, failed: 4 });
    });
  });

  it('cancels pending callbacks and zeroes their counts on reset', async () => {
    await start({ behaviour: { timing: SLOW_TO_RING } });

    await postCall('k1').expect(201);
    await waitUntil(() => receiver.received.length === 1);
    provider.reset();
    await sleep(QUIET_MS);

    expect(statusesOf(receiver.received)).toEqual(['queued']);
    expect(provider.stats().callbacks).toEqual(NO_CALLBACKS);
  });

  it('cancels pending callbacks on close', async () => {
    await start({ behaviour: { timing: SLOW_TO_RING } });

    await postCall('k1').expect(201);
    await waitUntil(() => receiver.received.length === 1);
    await provider.close();
    await sleep(QUIET_MS);

    expect(statusesOf(receiver.received)).toEqual(['queued']);
  });
});

describe('signStatusCallback', () => {
  it('signs `${unix seconds}.${raw body}` with HMAC-SHA256 of the secret, in lowercase hex after v1=', () => {
    // Expected value from `printf '%s' '1700000000.{"id":"c1","status":"queued"}' | openssl dgst -sha256 -hmac whsec_test`.
    expect(signStatusCallback(SECRET, '{"id":"c1","status":"queued"}', 1_700_000_000_999)).toEqual({
      'X-Provider-Timestamp': '1700000000',
      'X-Provider-Signature': 'v1=77cc9114ac09a13bcfeea211d0baacbebfd59851201d9d46a5fd1c9df9391b94',
    });
  });
});

/** Recomputes the signature as a receiver would, from the raw body and the timestamp header. */
function expectSignedBySecret(callback: ReceivedCallback): void {
  const timestamp = String(callback.headers['x-provider-timestamp']);
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
  const expected = createHmac('sha256', SECRET).update(`${timestamp}.${callback.raw}`).digest('hex');
  expect(callback.headers['x-provider-signature']).toBe(`v1=${expected}`);
  expect(callback.headers['content-type']).toBe('application/json');
}
