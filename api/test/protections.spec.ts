import type { NestExpressApplication } from '@nestjs/platform-express';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { ApiHarness, WEB_ORIGIN, startApi, testApiConfig } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start({ worker: false });
});

afterAll(() => harness?.close());

describe('response headers', () => {
  it('carry helmet\'s protections and no X-Powered-By', async () => {
    const response = await harness.api().get('/api/calls');

    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('still let the OpenAPI page load its scripts from its own origin', async () => {
    const page = await harness.anonymous().get('/api/docs');
    const scripts = [...page.text.matchAll(/<script src="\.\/([^"]+)"/g)].map((match) => match[1]!);

    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect((await harness.anonymous().get(`/api/docs/${script}`)).status).toBe(200);
  });
});

describe('CORS', () => {
  it('admits the web app\'s origin, with credentials, and no other', async () => {
    const preflight = (origin: string) =>
      harness.anonymous().options('/api/calls').set('origin', origin).set('access-control-request-method', 'POST');

    const web = await preflight(WEB_ORIGIN);
    const foreign = await preflight('https://evil.example');

    expect(web.headers['access-control-allow-origin']).toBe(WEB_ORIGIN);
    expect(web.headers['access-control-allow-credentials']).toBe('true');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the request rate limit', () => {
  const others: NestExpressApplication[] = [];
  afterAll(() => Promise.all(others.map((app) => app.close())));

  it('is counted per key across API processes, answering 429 with Retry-After past it, while other keys go on', async () => {
    const config = testApiConfig(harness.config.databaseUrl, { RATE_LIMIT_PER_MINUTE: '6' });
    const [first, second] = await Promise.all([startApi(config), startApi(config)]);
    others.push(first, second);
    const account = await harness.newAccount('Rate-limited account');
    const get = (app: NestExpressApplication, secret: string) => request(app.getHttpServer()).get('/api/calls').set('authorization', `Bearer ${secret}`);

    // Counters run in windows aligned to the minute: start well inside one, so the count is not cut in two.
    const leftInWindow = 60_000 - (Date.now() % 60_000);
    if (leftInWindow < 10_000) await sleep(leftInWindow + 100);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(i % 2 ? second : first, account.keys.viewer.secret)).status);
    const limited = await get(first, account.keys.viewer.secret);
    const anotherKey = await get(second, account.keys.operator.secret);

    expect([...statuses, limited.status]).toEqual([...Array(6).fill(200), 429, 429, 429]);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/too many requests/i) });
    expect(anotherKey.status).toBe(200);
  });
});
