/**
 * Records the workflow histories that replay.spec.ts replays, into test/histories/*.json.
 *
 *   cd worker && npx tsx test/record-histories.ts
 *
 * It starts its own Temporal dev server and PostgreSQL (as jest's globalSetup does), the mock provider and a
 * worker on the current workflow code, runs one call per representative path, and saves each finished history.
 * Re-record only when a change to the workflow is meant to be incompatible with running calls (and is shipped
 * with a new workflow type or task queue); otherwise add new histories next to the old ones.
 */
import globalSetup, { globalTeardown } from '@call-scheduler/testing/dist/jest-global-setup.js';
import { cancelUpdate, rescheduleUpdate } from '@call-scheduler/shared/workflow';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CallHarness, bundleWorkflows, installQuietRuntime, type CallHandle } from './support/call-harness';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

const NUMBER = {
  completed: '+14155550201',
  rescheduled: '+14155550202',
  cancelled: '+14155550203',
  unansweredOnce: '+14155550204',
  rejected: '+14155550205',
  cancelledByTemporal: '+14155550206',
};

/** Each drives one call to its end and returns its handle; the key names the history file. */
const SCENARIOS: Record<string, (h: CallHarness) => Promise<CallHandle>> = {
  async completed(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.completed });
    await handle.result();
    return handle;
  },
  async 'rescheduled-then-completed'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.rescheduled, inMs: 60 * 60_000 });
    await h.untilSleeping(id);
    await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: new Date(Date.now() + 1_000).toISOString() }] });
    await handle.result();
    return handle;
  },
  async 'cancelled-while-sleeping'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelled, inMs: 60 * 60_000 });
    await h.untilSleeping(id);
    await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'recorded for the replay test' }] });
    await handle.result();
    return handle;
  },
  async 'no-answer-then-completed'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.unansweredOnce, maxAttempts: 3, retryDelaySeconds: 1 });
    await handle.result();
    return handle;
  },
  async 'failed-on-4xx'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.rejected });
    await handle.result();
    return handle;
  },
  async 'cancelled-by-temporal'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledByTemporal, inMs: 60 * 60_000 });
    await h.untilSleeping(id);
    await handle.cancel();
    await handle.result().catch(() => undefined);
    return handle;
  },
};

async function main(): Promise<void> {
  // Before globalSetup, whose Temporal test environment would otherwise create the runtime with its default logger.
  installQuietRuntime();
  await globalSetup();
  let h: CallHarness | undefined;
  try {
    h = await CallHarness.start({
      workflowBundle: await bundleWorkflows(),
      behaviour: {
        createErrorsByNumber: { [NUMBER.rejected]: [400] },
        outcomesByNumber: { [NUMBER.unansweredOnce]: ['no_answer', 'completed'] },
      },
    });
    const harness = h;
    await Promise.all(
      Object.entries(SCENARIOS).map(async ([name, run]) => {
        const handle = await run(harness);
        const file = join(__dirname, 'histories', `${name}.json`);
        await writeFile(file, `${historyToJSON(await handle.fetchHistory())}\n`);
        console.log(`recorded ${file}`);
      }),
    );
  } finally {
    await h?.close();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
