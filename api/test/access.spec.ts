import { CALL_STREAM_EVENT, CALL_STREAM_PATH, type ApiKeyDto, type CallDto } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ApiHarness, HOUR, eventually, fromNow, uniquePhoneNumber, type TestAccount } from './api-harness';
import { CallStreamClient } from './call-stream-client';

let harness: ApiHarness;
let other: TestAccount;

beforeAll(async () => {
  harness = await ApiHarness.start();
  other = await harness.newAccount('Other account');
});

afterAll(() => harness?.close());

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Operation {
  method: Method;
  path: string;
}

/** Every operation the OpenAPI document lists, so a route added later is covered without touching this file. */
async function documentedOperations(): Promise<Operation[]> {
  const { paths } = (await harness.anonymous().get('/api/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method as Method, path })));
}

/** Signing in is open to all: with a wrong password it answers 401 too. */
const WRONG_SIGN_IN = { email: 'nobody@example.com', password: 'not the password' };

function send(client: ReturnType<ApiHarness['anonymous']>, { method, path }: Operation, id: string) {
  return client[method](path.replace('{id}', id)).send(path === '/api/auth/sign-in' ? WRONG_SIGN_IN : {});
}

function expectError(response: { status: number; body: unknown }, status: number): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: { statusCode: status, error: STATUS_CODES[status], message: expect.any(String) },
  });
}

/** A call an hour away, once its workflow has recorded CallScheduled. */
async function pendingCall(secret = harness.account.keys.operator.secret): Promise<CallDto> {
  const response = await harness.api(secret).post('/api/calls').send({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
  expect(response.status).toBe(201);
  const call = response.body as CallDto;
  await eventually(() => harness.api(secret).get(`/api/calls/${call.id}`), (detail) => detail.body.events?.length === 1);
  return call;
}

/** The sign-in link is open to all: without a valid token it signs nobody in and sends the browser to the sign-in page. */
const SIGN_IN_LINK = '/api/auth/link';
/** The provider's status callbacks carry no session or key: their credential is their signature. */
const PROVIDER_EVENTS = '/api/provider/events';

describe('every route but GET /health, the sign-in link, the provider\'s callbacks and the OpenAPI document', () => {
  it('answers 401 with the usual JSON error to a request without a session or a key', async () => {
    const operations = (await documentedOperations()).filter(({ path }) => !['/health', SIGN_IN_LINK, PROVIDER_EVENTS].includes(path));
    expect(operations.length).toBeGreaterThan(10);

    for (const operation of operations) {
      const response = await send(harness.anonymous(), operation, randomUUID());
      expect({ ...operation, status: response.status }).toEqual({ ...operation, status: 401 });
      expectError(response, 401);
    }
  });

  it('answers 401 to a key that does not exist, and to a made-up session cookie', async () => {
    const byKey = await harness.api('csk_madeupmadeupmadeupmadeupmadeupmadeupmadeupmad').get('/api/calls');
    const byCookie = await harness.anonymous().get('/api/calls').set('cookie', 'cs_session=made-up');

    expectError(byKey, 401);
    expectError(byCookie, 401);
  });

  it('sends a browser with no valid sign-in link to the sign-in page, signed in as nobody', async () => {
    const response = await harness.anonymous().get(SIGN_IN_LINK);

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/?expired-sign-in-link');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it("refuses the provider's callbacks unsigned, whoever sends them: 403, as a key or a session changes nothing", async () => {
    const body = { id: 'ext-1', status: 'completed', sequence: 4, occurredAt: new Date().toISOString() };
    for (const client of [harness.anonymous(), harness.api(harness.account.keys.admin.secret)]) {
      const response = await client.post(`${PROVIDER_EVENTS}?callId=${randomUUID()}`).send(body);
      expect(response.status).toBe(403);
      expectError(response, 403);
    }
  });

  it('serves GET /health and the OpenAPI document to anyone', async () => {
    expect((await harness.anonymous().get('/health')).status).toBe(200);
    expect((await harness.anonymous().get('/api/docs/openapi.json')).status).toBe(200);
  });
});

describe('a viewer', () => {
  it('gets 403 on every command and every change to the account, and nothing changes', async () => {
    const call = await pendingCall();
    const admin = harness.api(harness.account.keys.admin.secret);
    const snapshot = async () => ({
      calls: (await harness.listAll()).length,
      account: (await admin.get('/api/account')).body,
      keys: ((await admin.get('/api/account/api-keys')).body as ApiKeyDto[]).map(({ id, role, revokedAt }) => ({ id, role, revokedAt })),
    });
    const before = await snapshot();
    const viewer = harness.api(harness.account.keys.viewer.secret);
    const changes = (await documentedOperations()).filter(({ method, path }) => method !== 'get' && !path.startsWith('/api/auth/') && path !== PROVIDER_EVENTS);
    expect(changes.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining(['post /api/calls', 'patch /api/calls/{id}', 'post /api/calls/{id}/start-now', 'post /api/calls/{id}/cancel']),
    );

    for (const operation of changes) {
      const response = await send(viewer, operation, operation.path.startsWith('/api/calls') ? call.id : harness.account.keys.operator.id);
      expect({ ...operation, status: response.status }).toEqual({ ...operation, status: 403 });
    }

    const after = await harness.getCall(call.id);
    expect({ status: after.status, scheduledAt: after.scheduledAt, events: after.events.map((event) => event.type) }).toEqual({
      status: 'scheduled',
      scheduledAt: call.scheduledAt,
      events: ['CallScheduled'],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('reads calls, their timelines and the stream', async () => {
    const call = await pendingCall();
    const viewer = harness.api(harness.account.keys.viewer.secret);

    expect((await viewer.get(`/api/calls/${call.id}`)).status).toBe(200);
    expect((await viewer.get('/api/calls')).body.items.map((item: CallDto) => item.id)).toContain(call.id);
  });
});

describe('another account', () => {
  it('gets 404, never 403, for a call that is not its own, on every call route with an id, and the call is untouched', async () => {
    const call = await pendingCall();
    const outsider = harness.api(other.keys.admin.secret);
    const idRoutes = (await documentedOperations()).filter(({ path }) => path.startsWith('/api/calls/{id}'));
    expect(idRoutes).toHaveLength(4);

    for (const operation of idRoutes) {
      const body = operation.method === 'patch' ? { scheduledAt: fromNow(2 * HOUR) } : {};
      const response = await outsider[operation.method](operation.path.replace('{id}', call.id)).send(body);
      expect({ ...operation, status: response.status }).toEqual({ ...operation, status: 404 });
      expect(response.body.message).toBe(`No call with id ${call.id}`);
    }

    const after = await harness.getCall(call.id);
    expect(after.status).toBe('scheduled');
    expect(after.scheduledAt).toBe(call.scheduledAt);
    expect(after.events.map((event) => event.type)).toEqual(['CallScheduled']);
  });

  it('does not list the call, nor hear of it on its stream', async () => {
    const baseUrl = await harness.app.getUrl();
    const own = await CallStreamClient.open(baseUrl, harness.account.keys.viewer.secret);
    const outsider = await CallStreamClient.open(baseUrl, other.keys.viewer.secret);
    try {
      const call = await harness.createCall({ phoneNumber: uniquePhoneNumber() });
      const mine = await pendingCall(other.keys.operator.secret);
      await own.waitFor((events) => events.find((e) => e.type === CALL_STREAM_EVENT.call && e.data.id === call.id && e.data.status === 'completed'));
      await outsider.waitFor((events) => events.find((e) => e.type === CALL_STREAM_EVENT.call && e.data.id === mine.id));

      expect(outsider.copiesOf(call.id)).toEqual([]);
      expect(own.copiesOf(mine.id)).toEqual([]);
      const listed = (await harness.api(other.keys.viewer.secret).get('/api/calls').query({ limit: 200 })).body.items as CallDto[];
      expect(listed.map((item) => item.id)).toEqual([mine.id]);
    } finally {
      own.close();
      outsider.close();
    }
  });

  it('cannot revoke a key that is not its own: 404, and the key still works', async () => {
    const response = await harness.api(other.keys.admin.secret).post(`/api/account/api-keys/${harness.account.keys.viewer.id}/revoke`);

    expect(response.status).toBe(404);
    expect((await harness.api(harness.account.keys.viewer.secret).get('/api/calls')).status).toBe(200);
  });

  it('makes its own call with the same Idempotency-Key and body, and each account gets its own back on a retry', async () => {
    const body = { phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) };
    const key = `shared-${randomUUID()}`;
    const post = (secret: string) => harness.api(secret).post('/api/calls').set('Idempotency-Key', key).send(body);

    const [ours, theirs] = await Promise.all([post(harness.account.keys.operator.secret), post(other.keys.operator.secret)]);
    const [oursAgain, theirsAgain] = await Promise.all([post(harness.account.keys.operator.secret), post(other.keys.operator.secret)]);

    expect([ours.status, theirs.status, oursAgain.status, theirsAgain.status]).toEqual([201, 201, 201, 201]);
    expect(ours.body.id).not.toBe(theirs.body.id);
    expect(ours.body.accountId).toBe(harness.account.id);
    expect(theirs.body.accountId).toBe(other.id);
    expect(oursAgain.body.id).toBe(ours.body.id);
    expect(theirsAgain.body.id).toBe(theirs.body.id);
  });
});

describe('a revoked key', () => {
  it('is refused with 401 from the moment it is revoked, and listed as revoked', async () => {
    const admin = harness.api(harness.account.keys.admin.secret);
    const created = await admin.post('/api/account/api-keys').send({ name: 'short-lived', role: 'operator' });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect((await harness.api(secret).get('/api/calls')).status).toBe(200);

    const revoked = await admin.post(`/api/account/api-keys/${created.body.id}/revoke`);
    const refused = await harness.api(secret).post('/api/calls').send({ phoneNumber: uniquePhoneNumber() });
    const keys = (await admin.get('/api/account/api-keys')).body as { id: string; revokedAt: string | null; lastUsedAt: string | null }[];

    expect(revoked.status).toBe(200);
    expectError(refused, 401);
    expect(refused.body.message).toMatch(/revoked/);
    expect(keys.find((key) => key.id === created.body.id)).toMatchObject({ revokedAt: expect.any(String), lastUsedAt: expect.any(String) });
  });
});

describe('the call stream', () => {
  it('answers 401 without credentials', async () => {
    const response = await fetch(new URL(CALL_STREAM_PATH, await harness.app.getUrl()));

    expect(response.status).toBe(401);
  });
});
