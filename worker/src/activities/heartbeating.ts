import { Context } from '@temporalio/activity';

/**
 * How often a heartbeating activity beats, and how often the dials' workers send its beats to Temporal
 * (call-worker.ts): only so that a worker that died is noticed within the activity's heartbeat timeout, and
 * one that lives is not taken for dead.
 */
export const HEARTBEAT_EVERY_MS = 1_000;

/** Runs `work` in the current activity, heartbeating from its start until it ends. */
export async function heartbeating<T>(work: (context: Context) => Promise<T>): Promise<T> {
  const context = Context.current();
  context.heartbeat();
  const beat = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work(context);
  } finally {
    clearInterval(beat);
  }
}
