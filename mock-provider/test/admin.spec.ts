import request from 'supertest';
import { DEFAULT_BEHAVIOUR, type MockProvider } from '../src';
import { startTestProvider } from './provider-harness';

const TO = '+14155550123';

describe('/admin', () => {
  let provider: MockProvider;

  beforeEach(async () => {
    provider = await startTestProvider({ apiKey: 'secret', behaviour: { outcomes: { completed: 1 } } });
  });
  afterEach(() => provider.close());

  const postCall = (idempotencyKey: string) =>
    request(provider.url).post('/calls').set('authorization', 'Bearer secret').send({ to: TO, idempotencyKey });

  it('shows the start-up behaviour: defaults with the start-up overrides', async () => {
    const res = await request(provider.url).get('/admin/behaviour').expect(200);

    expect(res.body).toEqual({
      ...DEFAULT_BEHAVIOUR,
      latencyMs: 0,
      outcomes: { completed: 1, no_answer: 0, busy: 0, failed: 0 },
    });
  });

  it('merges a partial behaviour over the current one and returns the whole', async () => {
    await request(provider.url).put('/admin/behaviour').send({ failureRate: 0.25 }).expect(200);

    const res = await request(provider.url)
      .put('/admin/behaviour')
      .send({ timing: { talkMs: 10 }, outcomes: { busy: 2 } })
      .expect(200);

    expect(res.body).toMatchObject({
      failureRate: 0.25,
      timing: { queuedMs: 500, ringingMs: 1500, talkMs: 10 },
      outcomes: { completed: 0, no_answer: 0, busy: 2, failed: 0 },
    });
    expect((await request(provider.url).get('/admin/behaviour')).body).toEqual(res.body);
  });

  it.each([
    [{ failureRate: 1.5 }, 'failureRate'],
    [{ rateLimitRate: -0.1 }, 'rateLimitRate'],
    [{ latencyMs: 'slow' }, 'latencyMs'],
    [{ timeoutMs: 1.5 }, 'timeoutMs'],
    [{ failAfterAccept: 'yes' }, 'failAfterAccept'],
    [{ timing: { talkMs: -1 } }, 'timing.talkMs'],
    [{ timing: { dialMs: 1 } }, 'timing.dialMs'],
    [{ outcomes: { busy: 0 } }, 'outcomes'],
    [{ outcomes: { hangup: 1 } }, 'outcomes.hangup'],
    [{ outcomesByNumber: { '4155550123': 'busy' } }, 'outcomesByNumber.4155550123'],
    [{ outcomesByNumber: { [TO]: 'voicemail' } }, `outcomesByNumber.${TO}`],
    [{ outcomesByNumber: { [TO]: [] } }, `outcomesByNumber.${TO}`],
    [{ createErrorsByNumber: { [TO]: [503, 200] } }, `createErrorsByNumber.${TO}.1`],
    [{ createErrorsByNumber: { [TO]: 'slow' } }, `createErrorsByNumber.${TO}`],
    [{ failurerate: 1 }, 'failurerate'],
    [{ statusCallbacks: { lossRate: 1.5 } }, 'statusCallbacks.lossRate'],
    [{ statusCallbacks: { duplicateRate: -0.1 } }, 'statusCallbacks.duplicateRate'],
    [{ statusCallbacks: { enabled: 'no' } }, 'statusCallbacks.enabled'],
    [{ statusCallbacks: { delayMs: { min: 500, max: 100 } } }, 'statusCallbacks.delayMs'],
    [{ statusCallbacks: { delayMs: { max: 100 } } }, 'statusCallbacks.delayMs.min'],
    [{ statusCallbacks: { delayMs: { min: 0, max: 1.5 } } }, 'statusCallbacks.delayMs.max'],
    [{ statusCallbacks: { retries: 3 } }, 'statusCallbacks.retries'],
  ])('rejects %j with a 400 naming %s and keeps the behaviour', async (patch, field) => {
    const before = (await request(provider.url).get('/admin/behaviour')).body;

    const res = await request(provider.url).put('/admin/behaviour').send(patch).expect(400);

    expect(res.body).toEqual({ error: 'invalid_behaviour', field, message: expect.stringContaining(`${field}: `) });
    expect((await request(provider.url).get('/admin/behaviour')).body).toEqual(before);
  });

  it('rejects a behaviour that is not an object', async () => {
    const res = await request(provider.url).put('/admin/behaviour').send([1]).expect(400);

    expect(res.body).toEqual({ error: 'invalid_behaviour', message: expect.stringContaining('expected object') });
  });

  it('answers malformed JSON with a 400 JSON error', async () => {
    const res = await request(provider.url).put('/admin/behaviour').set('content-type', 'application/json').send('{').expect(400);

    expect(res.body).toMatchObject({ error: 'invalid_json' });
  });

  it('forgets every call and restores the start-up behaviour on reset', async () => {
    const before = await postCall('k1').expect(201);
    await request(provider.url).put('/admin/behaviour').send({ failureRate: 1 }).expect(200);

    const res = await request(provider.url).post('/admin/reset').expect(200);

    expect(res.body).toMatchObject({ failureRate: 0, outcomes: { completed: 1 } });
    expect(provider.calls()).toEqual([]);
    const after = await postCall('k1').expect(201);
    expect(after.body.id).not.toBe(before.body.id);
  });

  it('counts the POSTs and lookups received, refused ones included, until a reset', async () => {
    const auth = 'Bearer secret';
    const { body: call } = await postCall('k1').expect(201);
    await postCall('k1').expect(201);
    await request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'k2' }).expect(401);
    await request(provider.url).post('/calls').set('authorization', auth).send({ to: 'nope', idempotencyKey: 'k3' }).expect(400);
    await request(provider.url).get(`/calls/${call.id}`).set('authorization', auth).expect(200);
    await request(provider.url).get(`/calls/${call.id}`).set('authorization', auth).expect(200);
    await request(provider.url).get(`/calls/${call.id}`).expect(401);
    await request(provider.url).get('/calls/unknown').set('authorization', auth).expect(404);
    await request(provider.url).get('/calls').set('authorization', auth).expect(200);

    const res = await request(provider.url).get('/admin/stats').expect(200);

    expect(res.body).toEqual({ posts: 4, lookups: 4, callbacks: { sent: 0, delivered: 0, failed: 0, lost: 0, duplicated: 0 } });
    expect(provider.stats()).toEqual(res.body);
    // Per call: only the lookups that got past authentication to the call.
    expect(provider.calls()).toEqual([expect.objectContaining({ postCount: 2, lookupCount: 2 })]);
    await request(provider.url).post('/admin/reset').expect(200);
    expect((await request(provider.url).get('/admin/stats').expect(200)).body).toMatchObject({ posts: 0, lookups: 0 });
  });

  it('restarts per-number scripts on reset', async () => {
    await provider.close();
    provider = await startTestProvider({ behaviour: { createErrorsByNumber: { [TO]: [503] } } });
    const post = () => request(provider.url).post('/calls').send({ to: TO, idempotencyKey: 'k1' });
    await post().expect(503);
    await post().expect(201);

    await request(provider.url).post('/admin/reset').expect(200);

    await post().expect(503);
  });

  it('starts a newly set createErrorsByNumber script from its first step', async () => {
    const script = { createErrorsByNumber: { [TO]: [503] } };
    await request(provider.url).put('/admin/behaviour').send(script).expect(200);
    await postCall('k1').expect(503);
    await postCall('k1').expect(201);

    await request(provider.url).put('/admin/behaviour').send(script).expect(200);

    await postCall('k1').expect(503);
  });

  it('keeps a running script going when other fields change', async () => {
    await request(provider.url).put('/admin/behaviour').send({ createErrorsByNumber: { [TO]: [503] } }).expect(200);
    await postCall('k1').expect(503);

    await request(provider.url).put('/admin/behaviour').send({ timing: { talkMs: 1 } }).expect(200);

    await postCall('k1').expect(201);
  });
});
