import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until `check` returns a value that passes `done`, or fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (done(value)) return value;
    if (Date.now() > giveUpAt) throw new Error(`gave up after ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await sleep(200);
  }
}
