import request from 'supertest';
import type { MockProvider } from '../src';
import { FakeClock, T0, startTestProvider } from './provider-harness';

const TO = '+14155550123';
const withCallbackUrl = (statusCallbackUrl: unknown) => ({ to: TO, idempotencyKey: 'k1', statusCallbackUrl });

describe('POST /calls and GET /calls', () => {
  let provider: MockProvider;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    provider = await startTestProvider({ now: clock.now, behaviour: { outcomes: { completed: 1 } } });
  });
  afterEach(() => provider.close());

  it('creates a queued call and reports it by id', async () => {
    const created = await request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'k1' }).expect(201);

    expect(created.body).toEqual({ id: expect.any(String), status: 'queued' });
    const fetched = await request(provider.url).get(`/calls/${created.body.id}`).expect(200);
    expect(fetched.body).toEqual({
      id: created.body.id,
      to: TO,
      status: 'queued',
      startedAt: null,
      endedAt: null,
      durationSeconds: 0,
    });
    expect(provider.calls()).toEqual([expect.objectContaining({ lookupCount: 1 })]);
  });

  it('returns the same call and dials nothing new for a repeated idempotency key', async () => {
    const first = await request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'k1' }).expect(201);
    const second = await request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'k1' }).expect(201);

    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(provider.calls()).toEqual([expect.objectContaining({ id: first.body.id, postCount: 2 })]);
  });

  it('answers 422 and dials nothing when an idempotency key comes back with another number', async () => {
    await request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'k1' }).expect(201);

    const reused = await request(provider.url).post('/calls').send({ to: '+14155550199', idempotencyKey: 'k1' }).expect(422);

    expect(reused.body).toMatchObject({ error: 'idempotency_key_reused', field: 'idempotencyKey' });
    expect(provider.calls()).toEqual([expect.objectContaining({ to: TO, postCount: 1 })]);
  });

  it.each([
    ['a missing number', { idempotencyKey: 'k1' }, 'to'],
    ['a number without +', { to: '14155550123', idempotencyKey: 'k1' }, 'to'],
    ['a number starting with +0', { to: '+04155550123', idempotencyKey: 'k1' }, 'to'],
    ['a number too short', { to: '+123456', idempotencyKey: 'k1' }, 'to'],
    ['a number too long', { to: '+1234567890123456', idempotencyKey: 'k1' }, 'to'],
    ['a missing idempotency key', { to: TO }, 'idempotencyKey'],
    ['an empty idempotency key', { to: TO, idempotencyKey: '' }, 'idempotencyKey'],
    ['an idempotency key over 200 characters', { to: TO, idempotencyKey: 'k'.repeat(201) }, 'idempotencyKey'],
    ['a numeric idempotency key', { to: TO, idempotencyKey: 42 }, 'idempotencyKey'],
    ['a relative callback URL', withCallbackUrl('/hooks/calls'), 'statusCallbackUrl'],
    ['a callback URL that is not http', withCallbackUrl('ftp://example.com/hooks'), 'statusCallbackUrl'],
    ['a callback URL with a password', withCallbackUrl('https://user:pw@example.com/'), 'statusCallbackUrl'],
    ['a callback URL over 2000 characters', withCallbackUrl(`https://example.com/${'x'.repeat(1981)}`), 'statusCallbackUrl'],
    ['a numeric callback URL', withCallbackUrl(42), 'statusCallbackUrl'],
  ])('rejects %s with a 400 naming the field', async (_case, body, field) => {
    const res = await request(provider.url).post('/calls').send(body).expect(400);

    expect(res.body).toEqual({ error: 'invalid_request', field, message: expect.stringContaining(field) });
    expect(provider.calls()).toEqual([]);
  });

  it('rejects a body that is not an object with a 400', async () => {
    const res = await request(provider.url).post('/calls').send([TO]).expect(400);

    expect(res.body).toEqual({ error: 'invalid_request', message: expect.stringContaining('JSON object') });
  });

  it('accepts the shortest and longest valid inputs', async () => {
    await request(provider.url).post('/calls').send({ to: '+1234567', idempotencyKey: 'k'.repeat(200) }).expect(201);
    await request(provider.url).post('/calls').send({ to: '+123456789012345', idempotencyKey: 'k' }).expect(201);
    await request(provider.url)
      .post('/calls')
      .send({ to: TO, idempotencyKey: 'url', statusCallbackUrl: `http://example.com/${'x'.repeat(1981)}` })
      .expect(201);
  });

  it('answers malformed JSON with a 400 JSON error', async () => {
    const res = await request(provider.url)
      .post('/calls')
      .set('content-type', 'application/json')
      .send('{"to": "+14155550123",')
      .expect('content-type', /application\/json/)
      .expect(400);

    expect(res.body).toEqual({ error: 'invalid_json', message: expect.any(String) });
  });

  it('answers a body over 16kb with a 413 JSON error', async () => {
    const res = await request(provider.url)
      .post('/calls')
      .send({ to: TO, idempotencyKey: 'k1', padding: 'x'.repeat(17 * 1024) })
      .expect('content-type', /application\/json/)
      .expect(413);

    expect(res.body).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers an unknown call id with 404 JSON', async () => {
    const res = await request(provider.url).get('/calls/nope').expect('content-type', /application\/json/).expect(404);

    expect(res.body).toMatchObject({ error: 'not_found' });
  });

  it('answers an unknown route with 404 JSON rather than HTML', async () => {
    const res = await request(provider.url).delete('/calls').expect('content-type', /application\/json/).expect(404);

    expect(res.body).toMatchObject({ error: 'not_found' });
  });

  it('reports health', async () => {
    const res = await request(provider.url).get('/health').expect(200);

    expect(res.body).toEqual({ status: 'ok' });
  });

  it("dates a call from the POST's arrival, not from when the provider got through its own latency", async () => {
    provider.setBehaviour({ latencyMs: 200 });
    const posted = request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'slow' }).expect(201).then();
    await new Promise((resolve) => setTimeout(resolve, 100));
    clock.advanceTo(150);
    await posted;

    expect(provider.calls()).toEqual([expect.objectContaining({ createdAt: new Date(T0).toISOString() })]);
  });

  it('lists every call received with its idempotency key and how many POSTs carried it', async () => {
    await request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'once' }).expect(201);
    clock.advanceTo(1000);
    for (let i = 0; i < 3; i++) {
      await request(provider.url).post('/calls').send({ to: '+442071234567', idempotencyKey: 'thrice' }).expect(201);
    }

    const res = await request(provider.url).get('/calls').expect(200);

    expect(res.body.items).toEqual([
      expect.objectContaining({
        to: TO,
        idempotencyKey: 'once',
        postCount: 1,
        lookupCount: 0,
        createdAt: new Date(T0).toISOString(),
        status: 'ringing',
        plannedOutcome: 'completed',
        statusCallbackUrl: null,
      }),
      expect.objectContaining({
        to: '+442071234567',
        idempotencyKey: 'thrice',
        postCount: 3,
        createdAt: new Date(T0 + 1000).toISOString(),
        status: 'queued',
      }),
    ]);
  });
});

describe('bearer authentication', () => {
  let provider: MockProvider;

  beforeEach(async () => {
    provider = await startTestProvider({ apiKey: 'secret' });
  });
  afterEach(() => provider.close());

  it.each([
    ['no Authorization header', undefined],
    ['a wrong key', 'Bearer wrong'],
    ['the key without the Bearer scheme', 'secret'],
  ])('answers 401 to a POST with %s and dials nothing', async (_case, authorization) => {
    const req = request(provider.url).post('/calls');
    if (authorization) req.set('authorization', authorization);

    const res = await req.send({ to: TO, idempotencyKey: 'k1' }).expect(401);

    expect(res.body).toMatchObject({ error: 'unauthorized' });
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(provider.calls()).toEqual([]);
  });

  it('guards reading calls too', async () => {
    await request(provider.url).get('/calls').expect(401);
    await request(provider.url).get('/calls/anything').expect(401);
  });

  it('serves every /calls route to the right key', async () => {
    const auth = 'Bearer secret';
    const created = await request(provider.url).post('/calls').set('authorization', auth).send({ to: TO, idempotencyKey: 'k1' }).expect(201);

    await request(provider.url).get(`/calls/${created.body.id}`).set('authorization', auth).expect(200);
    await request(provider.url).get('/calls').set('authorization', auth).expect(200);
  });

  it('leaves /health and /admin open', async () => {
    await request(provider.url).get('/health').expect(200);
    await request(provider.url).get('/admin/behaviour').expect(200);
    await request(provider.url).put('/admin/behaviour').send({ failureRate: 0.1 }).expect(200);
    await request(provider.url).post('/admin/reset').expect(200);
  });
});
