import { Agent, request as httpRequest } from 'node:http';
import { InvalidBehaviourError, startMockProvider, type MockProvider } from '../src';
import { rawPost, startTestProvider, waitUntil } from './provider-harness';

describe('startMockProvider', () => {
  let provider: MockProvider;

  afterEach(() => provider.close());

  it('listens on a free port and reports a dialable url', async () => {
    provider = await startMockProvider({ port: 0, logger: false });

    expect(provider.port).toBeGreaterThan(0);
    expect(provider.url).toBe(`http://127.0.0.1:${provider.port}`);
    const res = await fetch(`${provider.url}/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports a loopback url when bound to every interface', async () => {
    provider = await startMockProvider({ host: '0.0.0.0', logger: false });

    expect(provider.url).toBe(`http://127.0.0.1:${provider.port}`);
    expect((await fetch(`${provider.url}/health`)).status).toBe(200);
  });

  it('refuses an invalid start-up behaviour', async () => {
    provider = await startTestProvider();

    await expect(startMockProvider({ logger: false, behaviour: { failureRate: 2 } })).rejects.toThrow(InvalidBehaviourError);
  });

  it('changes behaviour, lists calls and resets through its handle', async () => {
    provider = await startTestProvider();

    provider.setBehaviour({ failureRate: 1 });
    const failed = await fetch(`${provider.url}/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: '+14155550123', idempotencyKey: 'k1' }),
    });

    expect(failed.status).toBe(503);
    expect(provider.calls()).toEqual([expect.objectContaining({ idempotencyKey: 'k1', to: '+14155550123', postCount: 1 })]);
    provider.reset();
    expect(provider.calls()).toEqual([]);
  });

  it('throws InvalidBehaviourError naming the field from setBehaviour', async () => {
    provider = await startTestProvider();

    expect(() => provider.setBehaviour({ outcomes: { failed: -1 } })).toThrow(
      expect.objectContaining({ field: 'outcomes.failed' }),
    );
  });

  it('closes promptly despite a request hanging on an injected timeout', async () => {
    provider = await startTestProvider({ behaviour: { timeoutRate: 1, timeoutMs: 60_000 } });
    const hanging = rawPost(provider.url, '/calls', { to: '+14155550123', idempotencyKey: 'k1' });
    await waitUntil(() => provider.calls().length === 1);
    const startedAt = Date.now();

    await provider.close();

    expect(Date.now() - startedAt).toBeLessThan(500);
    await expect(hanging).resolves.toEqual({ kind: 'dropped', code: 'ECONNRESET' });
  });

  it('closes promptly despite an idle keep-alive connection', async () => {
    provider = await startTestProvider();
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      httpRequest(`${provider.url}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const startedAt = Date.now();

    await provider.close();

    expect(Date.now() - startedAt).toBeLessThan(500);
    agent.destroy();
  });

  it('can be closed twice', async () => {
    provider = await startTestProvider();

    await provider.close();

    await expect(provider.close()).resolves.toBeUndefined();
  });
});
