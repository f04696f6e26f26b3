import request from 'supertest';
import type { MockProvider, MockProviderOptions } from '../src';
import { randomSequence, rawPost, startTestProvider } from './provider-harness';

const TO = '+14155550123';
const body = (idempotencyKey = 'k1', to = TO) => ({ to, idempotencyKey });

describe('injected misbehaviour on POST /calls', () => {
  let provider: MockProvider;

  async function start(options: MockProviderOptions): Promise<void> {
    provider = await startTestProvider(options);
  }
  afterEach(() => provider.close());

  describe('createErrorsByNumber', () => {
    it('dials on a scripted 503 when failAfterAccept is on, so the retry finds the same call', async () => {
      await start({ behaviour: { createErrorsByNumber: { [TO]: [503, 503] } } });

      const first = await request(provider.url).post('/calls').send(body()).expect(503);
      expect(first.body).toMatchObject({ error: 'service_unavailable' });
      expect(provider.calls()).toEqual([expect.objectContaining({ idempotencyKey: 'k1', postCount: 1 })]);
      await request(provider.url).post('/calls').send(body()).expect(503);
      const third = await request(provider.url).post('/calls').send(body()).expect(201);

      expect(provider.calls()).toEqual([expect.objectContaining({ id: third.body.id, postCount: 3 })]);
    });

    it('dials nothing on a scripted 503 when failAfterAccept is off', async () => {
      await start({ behaviour: { failAfterAccept: false, createErrorsByNumber: { [TO]: [503] } } });

      await request(provider.url).post('/calls').send(body()).expect(503);
      expect(provider.calls()).toEqual([]);
      await request(provider.url).post('/calls').send(body()).expect(201);

      expect(provider.calls()).toEqual([expect.objectContaining({ postCount: 2 })]);
    });

    it('never dials on a scripted 429, and says when to retry', async () => {
      await start({ behaviour: { createErrorsByNumber: { [TO]: [429] } } });

      const limited = await request(provider.url).post('/calls').send(body()).expect(429);

      expect(limited.headers['retry-after']).toBe('1');
      expect(limited.body).toMatchObject({ error: 'too_many_requests' });
      expect(provider.calls()).toEqual([]);
      await request(provider.url).post('/calls').send(body()).expect(201);
      expect(provider.calls()).toHaveLength(1);
    });

    it('never dials on a scripted 400 even with failAfterAccept on', async () => {
      await start({ behaviour: { createErrorsByNumber: { [TO]: 400 } } });

      const rejected = await request(provider.url).post('/calls').send(body()).expect(400);

      expect(rejected.body).toMatchObject({ error: 'bad_request' });
      expect(provider.calls()).toEqual([]);
    });

    it('scripts only the listed number', async () => {
      await start({ behaviour: { createErrorsByNumber: { [TO]: [503] } } });

      await request(provider.url).post('/calls').send(body('other', '+442071234567')).expect(201);
      await request(provider.url).post('/calls').send(body()).expect(503);
    });

    it('drops the connection on a scripted timeout after dialling', async () => {
      await start({ behaviour: { timeoutMs: 20, createErrorsByNumber: { [TO]: 'timeout' } } });

      await expect(rawPost(provider.url, '/calls', body())).resolves.toEqual({ kind: 'dropped', code: 'ECONNRESET' });
      expect(provider.calls()).toHaveLength(1);
      await expect(rawPost(provider.url, '/calls', body())).resolves.toEqual({ kind: 'response', status: 201 });
      expect(provider.calls()).toEqual([expect.objectContaining({ postCount: 2 })]);
    });
  });

  describe('random rates', () => {
    it('answers every POST 503 at failureRate 1, dialling each key once', async () => {
      await start({ behaviour: { failureRate: 1 } });

      await request(provider.url).post('/calls').send(body()).expect(503);
      await request(provider.url).post('/calls').send(body()).expect(503);

      expect(provider.calls()).toEqual([expect.objectContaining({ postCount: 2 })]);
    });

    it('dials nothing at failureRate 1 when failAfterAccept is off', async () => {
      await start({ behaviour: { failureRate: 1, failAfterAccept: false } });

      await request(provider.url).post('/calls').send(body()).expect(503);

      expect(provider.calls()).toEqual([]);
    });

    it('answers every POST 429 with Retry-After at rateLimitRate 1 and dials nothing', async () => {
      await start({ behaviour: { rateLimitRate: 1 } });

      const res = await request(provider.url).post('/calls').send(body()).expect(429);

      expect(res.headers['retry-after']).toBe('1');
      expect(provider.calls()).toEqual([]);
    });

    it('splits one draw per POST into rate-limit, failure and timeout bands', async () => {
      // failAfterAccept off: no call is created before the last POST, so every draw below decides a fault.
      await start({
        behaviour: { rateLimitRate: 0.2, failureRate: 0.3, timeoutRate: 0.1, timeoutMs: 10, failAfterAccept: false },
        random: randomSequence(0.19, 0.2, 0.49, 0.5, 0.59, 0.6),
      });

      const outcomes = [];
      for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) outcomes.push(await rawPost(provider.url, '/calls', body(key)));

      expect(outcomes).toEqual([
        { kind: 'response', status: 429 },
        { kind: 'response', status: 503 },
        { kind: 'response', status: 503 },
        { kind: 'dropped', code: 'ECONNRESET' },
        { kind: 'dropped', code: 'ECONNRESET' },
        { kind: 'response', status: 201 },
      ]);
    });

    it('holds a timed-out POST for timeoutMs, then closes the socket without a response', async () => {
      await start({ behaviour: { timeoutRate: 1, timeoutMs: 100 } });
      const startedAt = Date.now();

      const outcome = await rawPost(provider.url, '/calls', body());

      expect(outcome).toEqual({ kind: 'dropped', code: 'ECONNRESET' });
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(95);
      expect(provider.calls()).toHaveLength(1);
    });

    it('dials nothing on a timeout when failAfterAccept is off', async () => {
      await start({ behaviour: { timeoutRate: 1, timeoutMs: 10, failAfterAccept: false } });

      await expect(rawPost(provider.url, '/calls', body())).resolves.toEqual({ kind: 'dropped', code: 'ECONNRESET' });

      expect(provider.calls()).toEqual([]);
    });
  });

  it('adds latencyMs before every /calls response', async () => {
    await start({ behaviour: { latencyMs: 150 } });
    const startedAt = Date.now();

    await request(provider.url).get('/calls').expect(200);

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(145);
  });
});

describe('injected misbehaviour on GET /calls/:id', () => {
  let provider: MockProvider;
  afterEach(() => provider.close());

  async function placed(options: MockProviderOptions): Promise<string> {
    provider = await startTestProvider(options);
    const created = await request(provider.url).post('/calls').send(body()).expect(201);
    return created.body.id as string;
  }

  it('answers successive lookups of a number as its lookupErrorsByNumber script says, then normally', async () => {
    const id = await placed({ behaviour: { lookupErrorsByNumber: { [TO]: [503, 'answer', 404, 429] } } });

    await request(provider.url).get(`/calls/${id}`).expect(503);
    await request(provider.url).get(`/calls/${id}`).expect(200);
    await request(provider.url).get(`/calls/${id}`).expect(404);
    const limited = await request(provider.url).get(`/calls/${id}`).expect(429);
    expect(limited.headers['retry-after']).toBe('1');
    await request(provider.url).get(`/calls/${id}`).expect(200);

    expect(provider.calls()).toEqual([expect.objectContaining({ id, postCount: 1, lookupCount: 5 })]);
  });

  it('drops a scripted timed-out lookup without a response', async () => {
    const id = await placed({ behaviour: { timeoutMs: 20, lookupErrorsByNumber: { [TO]: 'timeout' } } });

    await expect(request(provider.url).get(`/calls/${id}`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    await request(provider.url).get(`/calls/${id}`).expect(200);
  });

  it('answers every lookup 503 at lookupFailureRate 1, and POSTs as usual', async () => {
    const id = await placed({ behaviour: { lookupFailureRate: 1 } });

    await request(provider.url).get(`/calls/${id}`).expect(503);
    await request(provider.url).get(`/calls/${id}`).expect(503);
  });
});
