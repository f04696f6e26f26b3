import { request as httpRequest } from 'node:http';
import { startMockProvider, type MockProvider, type MockProviderOptions } from '../src';

export const T0 = Date.parse('2030-01-01T00:00:00.000Z');

/** A clock the test moves by hand, so status progression needs no sleeping. */
export class FakeClock {
  private current = T0;
  readonly now = (): number => this.current;
  advanceTo(msSinceT0: number): void {
    this.current = T0 + msSinceT0;
  }
}

/** Returns the given values in turn, the last one repeating. */
export function randomSequence(...values: number[]): () => number {
  let next = 0;
  return () => values[Math.min(next++, values.length - 1)] ?? 0;
}

/** A provider on a free port, quiet and without added latency unless the test says otherwise. */
export function startTestProvider(options: MockProviderOptions = {}): Promise<MockProvider> {
  return startMockProvider({ logger: false, ...options, behaviour: { latencyMs: 0, ...options.behaviour } });
}

export type RawOutcome = { kind: 'response'; status: number } | { kind: 'dropped'; code: string | undefined };

/** POSTs with plain node:http so a socket closed without any response is observable as such. */
export function rawPost(url: string, path: string, body: unknown): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve({ kind: 'response', status: res.statusCode ?? 0 });
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ kind: 'dropped', code: err.code }));
    req.end(JSON.stringify(body));
  });
}

export async function waitUntil(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
