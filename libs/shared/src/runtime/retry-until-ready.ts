import { setTimeout as sleep } from 'node:timers/promises';

/** Services started together come up in any order: wait for a dependency, but not forever. */
export async function retryUntilReady<T>(what: string, connect: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      return await connect();
    } catch (error) {
      if (Date.now() + delay > giveUpAt) throw error;
      console.warn(`waiting for ${what}: ${error instanceof Error ? error.message : String(error)}`);
      await sleep(delay);
    }
  }
}
