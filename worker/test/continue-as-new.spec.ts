import { startTestTemporal } from '@call-scheduler/testing';
import {
  CALL_LIMITS,
  CallFailureType,
  DEFAULT_RUN_LIMITS,
  callStateQuery,
  cancelUpdate,
  rescheduleUpdate,
  startNowUpdate,
  type CallState,
  type RunLimits,
} from '@call-scheduler/shared/workflow';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONCURRENT_RECHECK_MS } from '../src/workflows/dial-permit';
import { CallHarness, ROOMY_LIMITS, bundleWorkflows, installQuietRuntime, type CallHandle } from './support/call-harness';
import { eventually, rejectionOf } from './support/eventually';

/*
 * Temporal caps the updates one run may take (history.maxTotalUpdates, 2,000 by default); a call's run hands
 * over to a fresh one well before that, by its own count (RunLimits). This file runs its own server with a cap
 * of 40, and calls that hand over after 20 commands, so a call goes through many runs within a few hundred
 * commands, with room for ten commands in flight when a run hands over. A run that failed to hand over would
 * have its next command refused by the server.
 */
const MAX_UPDATES_PER_RUN = 40;
const RUN_LIMITS: RunLimits = { ...DEFAULT_RUN_LIMITS, updates: MAX_UPDATES_PER_RUN / 2 };

let temporal: TestWorkflowEnvironment;
let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  temporal = await startTestTemporal({
    dynamicConfig: { 'history.maxTotalUpdates': MAX_UPDATES_PER_RUN },
  });
  h = await CallHarness.start({ temporalAddress: temporal.address, workflowBundle: await bundleWorkflows(), behaviour: {} });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await temporal?.teardown();
});

function hoursFromNow(hours: number, plusSeconds = 0): string {
  return new Date(Date.now() + hours * 60 * 60_000 + plusSeconds * 1_000).toISOString();
}

async function runsOf(handle: CallHandle): Promise<number> {
  let runs = 0;
  for await (const _ of h.client.workflow.list({ query: `WorkflowId = "${handle.workflowId}"` })) runs++;
  return runs;
}

function rescheduledTimes(events: { type: string; data: unknown }[]): string[] {
  return events.filter((e) => e.type === 'CallRescheduled').map((e) => (e.data as { scheduledAt: string }).scheduledAt);
}

describe('a call that takes more commands than one run may', () => {
  it(`takes ${CALL_LIMITS.maxReschedules} reschedules across runs, refuses one more, and still takes a cancel`, async () => {
    const { id, handle } = await h.startCall({ phoneNumber: '+14155550401', inMs: 60 * 60_000, runLimits: RUN_LIMITS });
    await h.untilSleeping(id);
    const times: string[] = [];

    for (let i = 1; i <= CALL_LIMITS.maxReschedules; i++) {
      const scheduledAt = hoursFromNow(2, i);
      const state = await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt }] });
      expect(state).toMatchObject({ scheduledAt, version: i + 1 });
      times.push(scheduledAt);
    }
    const oneMore = await rejectionOf(handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: hoursFromNow(3) }] }));
    expect((oneMore as WorkflowUpdateFailedError).cause).toMatchObject({ type: CallFailureType.RescheduleLimitReached });
    const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'enough' }] });

    const final = await handle.result();
    expect(final).toEqual(cancelled);
    expect(final).toMatchObject({ status: 'cancelled', scheduledAt: times.at(-1), version: CALL_LIMITS.maxReschedules + 2 });
    expect(await runsOf(handle)).toBeGreaterThan(CALL_LIMITS.maxReschedules / MAX_UPDATES_PER_RUN);
    const events = await h.calls.findEvents(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(rescheduledTimes(events)).toEqual(times);
    expect(events.at(-1)).toMatchObject({ type: 'CallCancelled', data: { reason: 'enough' } });
    expect(await h.calls.findById(id)).toEqual(final);
    expect(h.dialed('+14155550401')).toEqual([]);
  }, 180_000);

  it('loses and doubles none of the reschedules sent ten at a time while runs hand over, and dials once at the last time', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: '+14155550402', inMs: 60 * 60_000, runLimits: RUN_LIMITS });
    await h.untilSleeping(id);
    const taken: CallState[] = [];

    for (let round = 0; round < 12; round++) {
      const batch = Array.from({ length: 10 }, (_, i) => hoursFromNow(2, round * 10 + i));
      taken.push(...(await Promise.all(batch.map((scheduledAt) => handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt }] })))));
    }
    const dueSoon = new Date(Date.now() + 1_000).toISOString();
    await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: dueSoon }] });

    const final = await handle.result();
    expect(final).toMatchObject({ status: 'completed', scheduledAt: dueSoon, attempt: 1 });
    expect(await runsOf(handle)).toBeGreaterThan(2);
    const events = await h.calls.findEvents(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(rescheduledTimes(events).sort()).toEqual([...taken.map((s) => s.scheduledAt), dueSoon].sort());
    expect(await h.calls.findById(id)).toEqual(final);
    expect(await handle.query(callStateQuery)).toEqual(final);
    expect(h.dialed('+14155550402')).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, postCount: 1 })]);
  }, 120_000);

  it('takes a command retried under the same update id once, though the run that took it has continued as new', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: '+14155550403', inMs: 60 * 60_000, runLimits: RUN_LIMITS });
    await h.untilSleeping(id);
    const retried = { args: [{ scheduledAt: hoursFromNow(2) }] as [{ scheduledAt: string }], updateId: `retried-${id}` };
    await handle.executeUpdate(rescheduleUpdate, retried);
    const { runId } = await handle.describe();
    for (let i = 1; (await handle.describe()).runId === runId; i++) {
      await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: hoursFromNow(3, i) }] });
    }

    const again = await handle.executeUpdate(rescheduleUpdate, retried);

    expect(again.scheduledAt).not.toBe(retried.args[0].scheduledAt);
    await handle.executeUpdate(cancelUpdate, { args: [{}] });
    await handle.result();
    const rescheduled = rescheduledTimes(await h.calls.findEvents(id));
    expect(rescheduled.filter((at) => at === retried.args[0].scheduledAt)).toHaveLength(1);
    expect(rescheduled.at(-1)).toBe(again.scheduledAt);
  });

  it('keeps a call held by its spend cap across runs, recording the hold once, and still takes a cancel', async () => {
    const accountId = await h.createAccount({ ...ROOMY_LIMITS, maxConcurrentCalls: 0 });
    const { id, handle } = await h.startCall({ phoneNumber: '+14155550404', accountId, runLimits: RUN_LIMITS });
    const { runId } = await handle.describe();
    // Each start-now lifts the hold, and the run asks for room again.
    for (let i = 0; (await handle.describe()).runId === runId; i++) {
      await handle.executeUpdate(startNowUpdate, { args: [{}] });
      if (i > MAX_UPDATES_PER_RUN) throw new Error('The run never continued as new');
    }

    const held = await eventually(() => handle.query(callStateQuery), (state) => state.dialHold !== null);
    expect(held).toMatchObject({ status: 'scheduled', attempt: 0, dialHold: { limit: 'concurrent', reason: 'The account allows no calls in progress' } });
    const heldEvents = await eventually(() => h.calls.findEvents(id), (events) => events.length === held.version);
    // The next run asks again every few seconds, and records nothing the call does not show already.
    await sleep(CONCURRENT_RECHECK_MS + 1_000);
    expect(await h.calls.findEvents(id)).toEqual(heldEvents);
    const types = heldEvents.map((e) => e.type);
    expect(types.filter((type, i) => type === 'DialHeldByLimit' && types[i - 1] === 'DialHeldByLimit')).toEqual([]);

    const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{}] });
    expect(await handle.result()).toEqual(cancelled);
    const events = await h.calls.findEvents(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(await h.calls.findById(id)).toEqual(cancelled);
    expect(h.dialed('+14155550404')).toEqual([]);
  });

  it('also hands over once its history is long, however few commands it took', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: '+14155550405', inMs: 60 * 60_000, runLimits: { updates: 1_000, historyEvents: 30 } });
    await h.untilSleeping(id);
    const { runId } = await handle.describe();
    for (let i = 1; (await handle.describe()).runId === runId; i++) {
      await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: hoursFromNow(2, i) }] });
      if (i > 10) throw new Error('The run never continued as new');
    }

    await handle.executeUpdate(cancelUpdate, { args: [{}] });
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    const events = await h.calls.findEvents(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('replays every run of those calls from scratch', async () => {
    const results = await h.replayEveryWorkflow();
    expect(results.length).toBeGreaterThan(CALL_LIMITS.maxReschedules / MAX_UPDATES_PER_RUN);
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
  });
});
