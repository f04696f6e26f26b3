import { Context } from '@temporalio/activity';

/**
 * How often a heartbeating activity beats: only so that a worker that died is noticed within the activity's
 * heartbeat timeout. The SDK sends at most one heartbeat every 0.8 of that timeout; a beat this often keeps
 * one ready for each send.
 */
const HEARTBEAT_EVERY_MS = 1_000;

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
