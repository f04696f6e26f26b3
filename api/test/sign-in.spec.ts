import type { MeDto } from '@call-scheduler/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApiHarness, WEB_ORIGIN, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start({ worker: false });
});

afterAll(() => harness?.close());

function browser() {
  return request.agent(harness.app.getHttpServer()).set('origin', WEB_ORIGIN);
}

async function newUser(role: 'admin' | 'operator' | 'viewer' = 'operator') {
  const email = `${randomUUID()}@example.com`;
  const password = 'correct horse battery staple';
  const user = await harness.admin.createUser({ accountId: harness.account.id, email, name: 'Ada Lovelace', role, password });
  return { user, email, password };
}

describe('POST /api/auth/sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers who signed in', async () => {
    const { user, email, password } = await newUser();

    const response = await browser().post('/api/auth/sign-in').send({ email: email.toUpperCase(), password });

    expect(response.status).toBe(200);
    expect(response.body as MeDto).toEqual({
      account: { id: harness.account.id, name: 'Test account' },
      role: 'operator',
      user: { id: user.id, email, name: 'Ada Lovelace', role: 'operator', createdAt: user.createdAt },
      apiKey: null,
    });
    const [cookie] = response.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^cs_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
  });

  it('answers 401 for a wrong password and for an unknown email alike, setting no cookie', async () => {
    const { email } = await newUser();

    const wrongPassword = await browser().post('/api/auth/sign-in').send({ email, password: 'not the password' });
    const unknownEmail = await browser().post('/api/auth/sign-in').send({ email: `${randomUUID()}@example.com`, password: 'whatever it is' });

    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('Wrong email or password');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('slows guessing: after 10 attempts at once for an email it answers 429 with Retry-After, even to the right password', async () => {
    const { email, password } = await newUser();
    const attempts = await Promise.all(Array.from({ length: 10 }, () => browser().post('/api/auth/sign-in').send({ email, password: 'guess' })));

    const blocked = await browser().post('/api/auth/sign-in').send({ email, password });

    expect(attempts.map((response) => response.status)).toEqual(Array(10).fill(401));
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/^Too many sign-in attempts; try again in \d+ s$/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a sign-in a foreign page makes the browser send', async () => {
    const { email, password } = await newUser();

    const response = await request(harness.app.getHttpServer()).post('/api/auth/sign-in').set('origin', 'https://evil.example').send({ email, password });

    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('the session', () => {
  it('is who GET /api/auth/me says, and makes calls in its account', async () => {
    const { browser: signedIn, user } = await harness.signedIn('operator');

    const me = await signedIn.get('/api/auth/me');
    const created = await signedIn.post('/api/calls').send({ phoneNumber: uniquePhoneNumber() });

    expect(me.body.user.id).toBe(user.id);
    expect(created.status).toBe(201);
    expect(created.body.accountId).toBe(harness.account.id);
    const detail = await harness.api().get(`/api/calls/${created.body.id}`);
    expect(detail.status).toBe(200);
  });

  it('ends on the server at sign-out: the same cookie is refused afterwards', async () => {
    const { browser: signedIn } = await harness.signedIn('viewer');
    const cookie = (await signedIn.get('/api/auth/me')).request.cookies;

    const signedOut = await signedIn.post('/api/auth/sign-out');
    const replayed = await request(harness.app.getHttpServer()).get('/api/calls').set('cookie', cookie);

    expect(signedOut.status).toBe(204);
    expect(replayed.status).toBe(401);
    expect(replayed.body.message).toBe('Your session has ended: sign in again');
  });

  it('ends everywhere when the password is reset', async () => {
    const { browser: signedIn, user } = await harness.signedIn('viewer');

    await harness.admin.resetPassword(user.email, 'another long password');

    expect((await signedIn.get('/api/calls')).status).toBe(401);
  });
});

describe('a change made with the session cookie', () => {
  it('is refused with 403 when it comes from another origin, or says none, and nothing is made', async () => {
    const { browser: signedIn } = await harness.signedIn('operator');
    const cookie = (await signedIn.get('/api/auth/me')).request.cookies;
    const phoneNumber = uniquePhoneNumber();
    const post = () => request(harness.app.getHttpServer()).post('/api/calls').set('cookie', cookie);

    const foreign = await post().set('origin', 'https://evil.example').send({ phoneNumber });
    const crossSite = await post().set('sec-fetch-site', 'cross-site').send({ phoneNumber });
    const unsaid = await post().send({ phoneNumber });
    const fromTheWebApp = await post().set('origin', WEB_ORIGIN).send({ phoneNumber });
    const sameOrigin = await post().set('sec-fetch-site', 'same-origin').send({ phoneNumber });

    expect([foreign.status, crossSite.status, unsaid.status]).toEqual([403, 403, 403]);
    expect(foreign.body.message).toMatch(/^Cross-site request refused/);
    expect([fromTheWebApp.status, sameOrigin.status]).toEqual([201, 201]);
    const calls = await harness.listAll();
    expect(calls.filter((call) => call.phoneNumber === phoneNumber)).toHaveLength(2);
  });

  it('is not asked for an Origin when made with an API key, which no page can send on its own', async () => {
    const response = await harness.api().post('/api/calls').set('origin', 'https://anywhere.example').send({ phoneNumber: uniquePhoneNumber() });

    expect(response.status).toBe(201);
  });
});

describe('GET /api/auth/link (the sign-in link npm start prints)', () => {
  it('signs the browser in once and opens the web app; the same link later opens the sign-in page, saying it expired', async () => {
    const { email } = await newUser('admin');
    const { token } = await harness.admin.createSignInLink(email);
    const follower = request.agent(harness.app.getHttpServer());

    const followed = await follower.get('/api/auth/link').query({ token });
    const me = await follower.get('/api/auth/me');
    const again = await request(harness.app.getHttpServer()).get('/api/auth/link').query({ token });
    const madeUp = await request(harness.app.getHttpServer()).get('/api/auth/link').query({ token: 'made-up' });

    expect(followed.status).toBe(303);
    expect(followed.headers.location).toBe('/');
    expect(me.body.user.email).toBe(email);
    for (const refused of [again, madeUp]) {
      expect(refused.status).toBe(303);
      expect(refused.headers.location).toBe('/?expired-sign-in-link');
      expect(refused.headers['set-cookie']).toBeUndefined();
    }
  });
});
