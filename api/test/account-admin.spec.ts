import { API_KEY_PREFIX, type ApiKeyDto, type CreatedApiKeyDto, type UserDto } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import { expectFieldError } from './api-errors';
import { ApiHarness, UNLIMITED, WEB_ORIGIN } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start({ worker: false });
});

afterAll(() => harness?.close());

const admin = () => harness.api(harness.account.keys.admin.secret);

describe('GET /api/account', () => {
  it('shows every role its account and spend cap', async () => {
    const response = await harness.api(harness.account.keys.viewer.secret).get('/api/account');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: harness.account.id, name: 'Test account', limits: UNLIMITED, defaultWindow: null });
  });
});

describe('PUT /api/account/limits', () => {
  it('changes the spend cap', async () => {
    const other = await harness.newAccount('Capped account');
    const limits = { dialsPerHour: 20, dialsPerDay: 100, maxConcurrentCalls: 3 };

    const response = await harness.api(other.keys.admin.secret).put('/api/account/limits').send(limits);

    expect(response.status).toBe(200);
    expect(response.body.limits).toEqual(limits);
    expect((await harness.api(other.keys.viewer.secret).get('/api/account')).body.limits).toEqual(limits);
  });

  it.each([
    ['dialsPerHour', { dialsPerHour: -1, dialsPerDay: 1, maxConcurrentCalls: 1 }],
    ['dialsPerDay', { dialsPerHour: 1, dialsPerDay: 1.5, maxConcurrentCalls: 1 }],
    ['maxConcurrentCalls', { dialsPerHour: 1, dialsPerDay: 1 }],
  ])('answers 400 naming %s, and changes nothing', async (field, limits) => {
    const response = await admin().put('/api/account/limits').send(limits);

    expectFieldError(response, 400, field);
    expect((await admin().get('/api/account')).body.limits).toEqual(UNLIMITED);
  });
});

describe('users', () => {
  it('are made by an admin, can sign in, and are listed without their password', async () => {
    const email = `${randomUUID()}@example.com`;
    const created = await admin().post('/api/account/users').send({ email, name: 'Grace Hopper', role: 'viewer', password: 'a long enough password' });
    const signIn = await harness.anonymous().post('/api/auth/sign-in').set('origin', WEB_ORIGIN).send({ email, password: 'a long enough password' });
    const listed = (await admin().get('/api/account/users')).body as UserDto[];

    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), email, name: 'Grace Hopper', role: 'viewer', createdAt: expect.any(String) });
    expect(signIn.status).toBe(200);
    expect(listed).toContainEqual(created.body);
    expect(JSON.stringify(listed)).not.toMatch(/password|argon/i);
  });

  it('answers 409 naming email when the email is taken, whatever its case', async () => {
    const email = `${randomUUID()}@example.com`;
    const user = { email, name: 'Twice', role: 'operator', password: 'a long enough password' };
    await admin().post('/api/account/users').send(user);

    const again = await admin().post('/api/account/users').send({ ...user, email: email.toUpperCase() });

    expectFieldError(again, 409, 'email');
  });

  it.each([
    ['email', { email: 'not an email', name: 'X', role: 'viewer', password: 'a long enough password' }],
    ['role', { email: 'x@example.com', name: 'X', role: 'owner', password: 'a long enough password' }],
    ['password', { email: 'x@example.com', name: 'X', role: 'viewer', password: 'short' }],
    ['name', { email: 'x@example.com', name: '', role: 'viewer', password: 'a long enough password' }],
  ])('answers 400 naming %s', async (field, body) => {
    expectFieldError(await admin().post('/api/account/users').send(body), 400, field);
  });
});

describe('API keys', () => {
  it('show their secret once, at creation; the list shows only its prefix', async () => {
    const created = await admin().post('/api/account/api-keys').send({ name: 'ci-bot', role: 'operator' });
    const key = created.body as CreatedApiKeyDto;
    const listed = (await admin().get('/api/account/api-keys')).body as ApiKeyDto[];

    expect(created.status).toBe(201);
    expect(key.secret.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    expect(key.secret.length).toBeGreaterThan(40);
    expect(listed).toContainEqual({ id: key.id, name: 'ci-bot', role: 'operator', prefix: key.prefix, createdAt: key.createdAt, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    expect((await harness.api(key.secret).get('/api/auth/me')).body).toMatchObject({ role: 'operator', apiKey: { id: key.id, name: 'ci-bot' }, user: null });
  });

  it('answers 400 naming role for a role that does not exist, and 404 revoking a key that does not', async () => {
    expectFieldError(await admin().post('/api/account/api-keys').send({ name: 'x', role: 'root' }), 400, 'role');
    expect((await admin().post(`/api/account/api-keys/${randomUUID()}/revoke`)).status).toBe(404);
  });
});
