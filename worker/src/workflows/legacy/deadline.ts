import { condition } from '@temporalio/workflow';

/**
 * Sleeps until the time `dueAt()` names (true), or until `interrupted()` holds first (false).
 * The time may move while it sleeps, and the timer follows it.
 */
export async function sleepUntil(dueAt: () => number, interrupted: () => boolean): Promise<boolean> {
  for (;;) {
    if (interrupted()) return false;
    const target = dueAt();
    const remaining = target - Date.now();
    if (remaining <= 0) return true;
    await condition(() => interrupted() || dueAt() !== target, remaining);
  }
}
