import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves at `at` (Date.now()), or at once if that has passed. */
export async function sleepUntil(at: number): Promise<void> {
  await sleep(Math.max(0, at - Date.now()));
}
