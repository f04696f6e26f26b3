/**
 * Records the workflow histories that replay.spec.ts replays, into test/histories/*.json.
 *
 *   cd worker && npx tsx test/record-histories.ts [name ...]
 *
 * It starts its own Temporal dev servers and PostgreSQL (as jest's globalSetup does), the mock provider and
 * a worker on the current workflow code, drives one call per path a call can take, and saves each finished
 * history (every run of it, when it continued as new). Paths that are races are driven again until the
 * history shows the race. With names, it records only those paths.
 *
 * Re-record only when a change to the workflow is meant to be incompatible with running calls (and is
 * shipped with a new workflow type or task queue); otherwise add new histories next to the old ones.
 * test/histories/legacy holds histories of the workflow as it was before patch `record-events-from-history`.
 * The histories recorded before accounts existed have no accountId in their input, so they never reserve a dial;
 * the *-held ones go through the spend cap of patch `dial-limits`. The *-dial-held ones, and every history recorded
 * since patch `held-dials`, hand each dial to a worker a lead ahead of its instant (activity placeCallWhenDue).
 * The continued-on-temporals-suggestion ones hand over when Temporal suggests it, as runs from before patch
 * `run-limits` do; every run since counts its own commands and events. In dial-held-again-after-its-worker-died
 * and dial-placed-after-its-holding-worker-died, the run itself held a dial lost with its worker again, as
 * runs from before patch `held-dial-retries` do; since, Temporal sends it to another worker.
 */
import globalSetup, { globalTeardown } from '@call-scheduler/testing/dist/jest-global-setup.js';
import { startTestTemporal } from '@call-scheduler/testing';
import type { BehaviourPatch } from '@call-scheduler/mock-provider';
import { callStateQuery, cancelUpdate, rescheduleUpdate, startNowUpdate, type CallingWindow } from '@call-scheduler/shared/workflow';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { WorkflowBundle } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallHarness, ROOMY_LIMITS, TEST_DIAL_LEAD_MS, bundleWorkflows, installQuietRuntime, type CallHandle } from './support/call-harness';
import { eventually } from './support/eventually';
import { aHeldDialCalledOffTooLate, acceptedUpdatesByTask, tasksThatFiredATimerAndTookAnUpdate } from './support/history-shapes';

const NUMBER = {
  answered: '+14155550201',
  rejected: '+14155550202',
  unansweredOnce: '+14155550203',
  rateLimited: '+14155550204',
  neverAnswers: '+14155550205',
  answersLost: '+14155550206',
  lookupsFalter: '+14155550207',
  providerSilent: '+14155550208',
  heldRequestLost: '+14155550209',
  busyOnce: '+14155550210',
  doNotCall: '+14155550211',
  /** Its statuses are reported by the scenario, well within the 3 s before the run would ask the provider. */
  callbacks: '+14155550212',
};

const inAnHour = 60 * 60_000;
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();
const settle = (promise: Promise<unknown>) => promise.then(
  () => undefined,
  () => undefined,
);

/** Drives one workflow to its end; its id names the history to save. */
type Scenario = (h: CallHarness) => Promise<Pick<CallHandle, 'workflowId'>>;

/** Histories larger than this are stored gzipped. */
const LARGE_HISTORY_CHARS = 1_000_000;

/** Each drives one call to its end and returns its handle; the key names the history file. */
const SCENARIOS: Record<string, Scenario> = {
  async 'created-now-completed'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered });
    await handle.result();
    return handle;
  },
  async 'scheduled-then-completed'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: 2_000 });
    await handle.result();
    return handle;
  },
  async 'rescheduled-once'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: inAnHour });
    await h.untilSleeping(id);
    await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: isoIn(1_000) }] });
    await handle.result();
    return handle;
  },
  async 'rescheduled-300-times'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: inAnHour });
    await h.untilSleeping(id);
    for (let i = 1; i < 300; i++) await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: isoIn(inAnHour + i * 1_000) }] });
    await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: isoIn(1_000) }] });
    await handle.result();
    return handle;
  },
  async 'started-now-while-sleeping'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: inAnHour });
    await h.untilSleeping(id);
    await handle.executeUpdate(startNowUpdate, { args: [{}] });
    await handle.result();
    return handle;
  },
  async 'cancelled-while-sleeping'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: inAnHour });
    await h.untilSleeping(id);
    await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'recorded for the replay test' }] });
    await handle.result();
    return handle;
  },
  async 'cancelled-with-its-start'(h) {
    const { handle } = await h.startCallWithUpdate(cancelUpdate, [{ reason: 'changed my mind' }], { phoneNumber: NUMBER.answered, inMs: inAnHour });
    await handle.result();
    return handle;
  },
  async 'command-storm'(h) {
    return untilHistoryShows((history) => acceptedUpdatesByTask(history).some((count) => count > 1), async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: 10 * 60_000 });
      await h.untilSleeping(id);
      await Promise.all([
        ...Array.from({ length: 31 }, (_, i) => settle(handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: isoIn(20 * 60_000 + i * 1_000) }] }))),
        settle(handle.executeUpdate(cancelUpdate, { args: [{ reason: 'storm' }] })),
      ]);
      await handle.result();
      return handle;
    });
  },
  async 'cancelled-by-temporal-while-sleeping'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: inAnHour });
    await h.untilSleeping(id);
    await handle.cancel();
    await settle(handle.result());
    return handle;
  },
  async 'cancelled-by-temporal-while-dialing'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.rateLimited });
    await eventually(() => handle.query(callStateQuery), (s) => s.status === 'dialing');
    await handle.cancel();
    await handle.result();
    return handle;
  },
  async 'cancelled-by-temporal-while-ringing'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered });
    await eventually(() => handle.query(callStateQuery), (s) => s.status === 'ringing');
    await handle.cancel();
    await handle.result();
    return handle;
  },
  async 'cancelled-by-temporal-then-unanswered'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.neverAnswers, maxAttempts: 3 });
    await eventually(() => handle.query(callStateQuery), (s) => s.status === 'ringing');
    await handle.cancel();
    await settle(handle.result());
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
  async 'held-then-dialled'(h) {
    const accountId = await h.createAccount({ ...ROOMY_LIMITS, maxConcurrentCalls: 1 });
    const first = await h.startCall({ phoneNumber: NUMBER.answered, accountId });
    await eventually(() => first.handle.query(callStateQuery), (s) => s.attempt === 1);
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered, accountId });
    await handle.result();
    return handle;
  },
  async 'cancelled-while-held'(h) {
    const handle = await heldByUsedUpHour(h);
    await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'recorded for the replay test' }] });
    await handle.result();
    return handle;
  },
  async 'cancelled-by-temporal-while-held'(h) {
    const handle = await heldByUsedUpHour(h);
    await handle.cancel();
    await settle(handle.result());
    return handle;
  },
  async 'dial-held-then-made'(h) {
    const { handle } = await dialHeldForItsInstant(h);
    await handle.result();
    return handle;
  },
  async 'cancelled-while-dial-held'(h) {
    const { handle } = await dialHeldForItsInstant(h);
    await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'recorded for the replay test' }] });
    await handle.result();
    return handle;
  },
  async 'rescheduled-while-dial-held'(h) {
    const { handle, input } = await dialHeldForItsInstant(h);
    const later = new Date(Date.parse(input.call.scheduledAt) + 2_000).toISOString();
    await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: later }] });
    await handle.result();
    return handle;
  },
  async 'started-now-while-dial-held'(h) {
    const { handle } = await dialHeldForItsInstant(h);
    await handle.executeUpdate(startNowUpdate, { args: [{}] });
    await handle.result();
    return handle;
  },
  async 'dial-outcome-unknown-then-found'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answersLost });
    await handle.result();
    return handle;
  },
  async 'followed-through-a-provider-brownout'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.lookupsFalter });
    await handle.result();
    return handle;
  },
  async 'lost-track-of-a-silent-provider'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.providerSilent });
    await handle.result();
    return handle;
  },
  async 'cancelled-by-temporal-while-dial-held'(h) {
    const { handle } = await dialHeldForItsInstant(h);
    await handle.cancel();
    await settle(handle.result());
    return handle;
  },
  async 'schedule-run'(h) {
    const handle = await h.startScheduledRun(randomUUID(), NUMBER.answered);
    await handle.result();
    return handle;
  },
  async 'waited-for-its-calling-window'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered, window: windowOpeningIn(60_000) });
    await handle.result();
    return handle;
  },
  async 'started-now-overriding-its-calling-window'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, window: windowOpeningIn(inAnHour) });
    await eventually(() => h.calls.findById(id), (call) => call?.windowOpensAt != null);
    await handle.executeUpdate(startNowUpdate, { args: [{}] });
    await eventually(() => handle.query(callStateQuery), (state) => state.windowOpensAt !== null);
    await handle.executeUpdate(startNowUpdate, { args: [{ overrideWindow: true }] });
    await handle.result();
    return handle;
  },
  async 'expired-before-its-calling-window-opened'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered, window: windowOpeningIn(inAnHour), latestAt: isoIn(60_000) });
    await handle.result();
    return handle;
  },
  async 'blocked-by-the-do-not-call-list'(h) {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.doNotCall, inMs: 3_000 });
    await h.untilSleeping(id);
    await h.listAsDoNotCall(NUMBER.doNotCall);
    await handle.result();
    return handle;
  },
  async 'expired-instead-of-a-late-retry'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.busyOnce, retryDelaySeconds: 3_600, latestAt: isoIn(60_000) });
    await handle.result();
    return handle;
  },
};

/** A window every day, from the first whole minute at least `inMs` from now until an hour later, on UTC's clock. */
function windowOpeningIn(inMs: number): CallingWindow {
  const opens = new Date(Math.ceil((Date.now() + inMs) / 60_000) * 60_000);
  const hhmm = (at: Date) => at.toISOString().slice(11, 16);
  return { timeZone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: hhmm(opens), to: hhmm(new Date(opens.getTime() + inAnHour)) };
}

async function dialHeldByAWorkerThatDies(h: CallHarness, inMs: number): Promise<CallHandle> {
  const { handle } = await h.whileNoWorkerRuns(async () => {
    const doomed = await h.startWorkerProcess();
    const held = await dialHeldForItsInstant(h, inMs);
    await doomed.kill();
    return held;
  });
  await handle.result();
  return handle;
}

async function heldDialLostMidRequest(h: CallHarness): Promise<CallHandle> {
  const { handle } = await h.whileNoWorkerRuns(async () => {
    const doomed = await h.startWorkerProcess();
    const call = await dialHeldForItsInstant(h, 4_000, NUMBER.heldRequestLost);
    await eventually(async () => h.dialed(NUMBER.heldRequestLost), (dials) => dials.length === 1);
    await doomed.kill();
    return call;
  });
  await handle.result();
  return handle;
}

/** A call whose dial a worker holds for a few seconds yet. */
async function dialHeldForItsInstant(h: CallHarness, inMs = 4_000, phoneNumber = NUMBER.answered) {
  const call = await h.startCall({ phoneNumber, inMs, dialLeadMs: inMs - 500 });
  await h.untilDialHeld(call.handle);
  return call;
}

/** A call due now in an account whose one dial of the hour another call has just made. */
async function heldByUsedUpHour(h: CallHarness): Promise<CallHandle> {
  const accountId = await h.createAccount({ ...ROOMY_LIMITS, dialsPerHour: 1 });
  const first = await h.startCall({ phoneNumber: NUMBER.answered, accountId });
  await eventually(() => first.handle.query(callStateQuery), (s) => s.attempt === 1);
  const { handle } = await h.startCall({ phoneNumber: NUMBER.answered, accountId });
  await eventually(() => handle.query(callStateQuery), (s) => s.dialHold !== null);
  return handle;
}

/**
 * Races, staged while no worker runs, so that what races reaches the workflow in one workflow task,
 * as it does when commands arrive while workers are busy, restarting or deploying.
 */
const RACES: Record<string, Scenario> = {
  // Held a lead ahead, but taken up by a worker only shortly before its instant: until then it waits in Temporal.
  async 'held-dial-taken-up-before-its-instant'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: 35_000, dialLeadMs: 34_500 });
    await handle.result();
    return handle;
  },
  // Its worker dies: Temporal hands the hold to another worker once its heartbeat stops, before the instant.
  // Recorded with a 5 s heartbeat timeout; the runs started before 29db0c2 carry it still.
  'held-dial-retried-after-its-worker-died': (h) => dialHeldByAWorkerThatDies(h, 15_000),
  // The same, with the 3 s heartbeat timeout of 29db0c2 and after.
  'held-dial-retried-after-a-3-s-heartbeat-timeout': (h) => dialHeldByAWorkerThatDies(h, 15_000),
  // Its worker dies with the POST out: another claims the hold again and sends it again with the same key (5 s, as above).
  'held-dial-sent-again-after-its-worker-died-mid-request': heldDialLostMidRequest,
  'held-dial-sent-again-after-a-3-s-heartbeat-timeout': heldDialLostMidRequest,
  // PostgreSQL turns the worker away from the call's start until after its instant: every write and the dial's claim wait for it.
  async 'waited-out-a-database-outage'(h) {
    const away = await h.takeDatabaseAway();
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: 3_000, dialLeadMs: 2_500 });
    await sleep(8_000);
    await away.back();
    await handle.result();
    return handle;
  },
  // Its worker dies while it follows the call: another worker follows it on once the heartbeat has been silent 10 s.
  async 'followed-again-after-its-worker-died'(h) {
    const { handle } = await h.whileNoWorkerRuns(async () => {
      const doomed = await h.startWorkerProcess();
      const call = await h.startCall({ phoneNumber: NUMBER.answered });
      await eventually(() => call.handle.query(callStateQuery), (s) => s.status === 'ringing' || s.status === 'in_progress');
      await doomed.kill();
      return call;
    });
    await handle.result();
    return handle;
  },
  async 'cancel-racing-the-held-dial'(h) {
    return untilHistoryShows(aHeldDialCalledOffTooLate, async () => {
      const { handle, input } = await dialHeldForItsInstant(h, 2_000);
      await sleep(Date.parse(input.call.scheduledAt) - 10 - Date.now());
      await settle(handle.executeUpdate(cancelUpdate, { args: [{ reason: 'race' }] }));
      await settle(handle.result());
      return handle;
    });
  },
  async 'started-now-racing-the-timer'(h) {
    return untilHistoryShows(tasksThatFiredATimerAndTookAnUpdate, async () => {
      const { id, handle, input } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: TEST_DIAL_LEAD_MS + 1_000 });
      await h.untilSleeping(id);
      const startNow = await h.whileNoWorkerRuns(async () => {
        // Past the instant the call wakes for its dial, a lead before it is due.
        await sleep(Date.parse(input.call.scheduledAt) - TEST_DIAL_LEAD_MS + 500 - Date.now());
        return sent(handle.executeUpdate(startNowUpdate, { args: [{}] }));
      });
      await startNow.answered;
      await handle.result();
      return handle;
    });
  },
  async 'cancel-racing-start-now'(h) {
    return untilHistoryShows((history) => acceptedUpdatesByTask(history).some((count) => count >= 2), async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: inAnHour });
      await h.untilSleeping(id);
      const both = await h.whileNoWorkerRuns(async () => [
        await sent(handle.executeUpdate(startNowUpdate, { args: [{}] })),
        await sent(handle.executeUpdate(cancelUpdate, { args: [{ reason: 'race' }] })),
      ]);
      await Promise.all(both.map((update) => update.answered));
      await settle(handle.result());
      return handle;
    });
  },
};

/** An update sent, once Temporal has had a moment to take it in; `answered` settles with its outcome, whatever it is. */
async function sent(update: Promise<unknown>): Promise<{ answered: Promise<void> }> {
  const answered = settle(update);
  await sleep(300);
  return { answered };
}

/** Rescheduled often enough to continue as new twice, each run handing over after 5 commands, then dialled. */
/** Calls whose dials asked for status callbacks, followed by what the scenario reports as the API would (fallback 3 s). */
const STATUS_CALLBACKS: Record<string, Scenario> = {
  async 'followed-by-its-status-callbacks'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.callbacks });
    for (const [status, sequence] of [['queued', 1], ['ringing', 2], ['in_progress', 3], ['completed', 4]] as const) await h.reportStatus(handle, status, sequence);
    await handle.result();
    return handle;
  },
  // The first two never come: the later ones wait for them, then are taken past the gap.
  async 'status-callbacks-taken-past-a-gap'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.callbacks });
    for (const [status, sequence] of [['completed', 4], ['in_progress', 3], ['completed', 4]] as const) await h.reportStatus(handle, status, sequence);
    await handle.result();
    return handle;
  },
  async 'status-callbacks-lost-then-looked-up'(h) {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.answered });
    await handle.result();
    return handle;
  },
};

const CONTINUED_AS_NEW: Scenario = async (h) => {
  const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answered, inMs: inAnHour, runLimits: { updates: 5, historyEvents: 4_000 } });
  await h.untilSleeping(id);
  for (let i = 1; i <= 12; i++) await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: isoIn(inAnHour + i * 1_000) }] });
  await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: isoIn(1_000) }] });
  await handle.result();
  return handle;
};

const BEHAVIOUR: BehaviourPatch = {
  createErrorsByNumber: {
    [NUMBER.rejected]: [400],
    [NUMBER.rateLimited]: [429],
    // The held dial's POST, the dial's four tries, and one more: all dialled, all answers lost.
    [NUMBER.answersLost]: [503, 503, 503, 503, 503, 503],
    [NUMBER.heldRequestLost]: ['timeout'],
  },
  lookupErrorsByNumber: {
    [NUMBER.lookupsFalter]: [503, 'answer', 404, 'answer', 'timeout', 'answer', 401, 429],
    [NUMBER.providerSilent]: Array.from({ length: 1_000 }, () => 503),
  },
  outcomesByNumber: { [NUMBER.unansweredOnce]: ['no_answer', 'completed'], [NUMBER.neverAnswers]: 'no_answer', [NUMBER.busyOnce]: ['busy', 'completed'] },
};

async function untilHistoryShows(shows: (history: History) => boolean, attempt: () => Promise<CallHandle>): Promise<CallHandle> {
  for (let tries = 1; tries <= 5; tries++) {
    const handle = await attempt();
    if (shows(await handle.fetchHistory())) return handle;
  }
  throw new Error('The race did not show in 5 tries');
}

/** Every run of the call's workflow, oldest first, as `<name>.json` or `<name>.run-<n>.json`. */
async function save(h: CallHarness, name: string, handle: Pick<CallHandle, 'workflowId'>): Promise<void> {
  const runs: History[] = [];
  for await (const { history } of h.client.workflow.list({ query: `WorkflowId = "${handle.workflowId}"` }).intoHistories()) {
    runs.push(history as History);
  }
  runs.sort((a, b) => Number(a.events![0]!.eventTime!.seconds) - Number(b.events![0]!.eventTime!.seconds));
  for (const [i, history] of runs.entries()) {
    const json = `${historyToJSON(history)}\n`;
    const large = json.length > LARGE_HISTORY_CHARS;
    const file = join(__dirname, 'histories', `${runs.length === 1 ? name : `${name}.run-${i + 1}`}.json${large ? '.gz' : ''}`);
    await writeFile(file, large ? gzipSync(json) : json);
    console.log(`recorded ${file}`);
  }
}

/** Drives the scenario and saves its history; a failure is told at once, with the path's name, before the others are stopped. */
async function recordOne(h: CallHarness, name: string, run: Scenario): Promise<void> {
  try {
    await save(h, name, await run(h));
  } catch (error) {
    console.error(`${name} was not recorded:`, error);
    throw error;
  }
}

async function record(h: CallHarness, scenarios: Record<string, Scenario>): Promise<void> {
  await Promise.all(Object.entries(scenarios).map(([name, run]) => recordOne(h, name, run)));
}

async function recordOneByOne(h: CallHarness, scenarios: Record<string, Scenario>): Promise<void> {
  for (const [name, run] of Object.entries(scenarios)) await recordOne(h, name, run);
}

function chosen<T>(all: Record<string, T>, names: string[]): Record<string, T> {
  return names.length === 0 ? all : Object.fromEntries(Object.entries(all).filter(([name]) => names.includes(name)));
}

async function main(names: string[]): Promise<void> {
  // Before globalSetup, whose Temporal test environment would otherwise create the runtime with its default logger.
  installQuietRuntime();
  await globalSetup();
  const workflowBundle = await bundleWorkflows();
  // A run that failed to hand over would have its eleventh command refused.
  const lowLimits = await startTestTemporal({ dynamicConfig: { 'history.maxTotalUpdates': 10 } });
  const harnesses: CallHarness[] = [];
  const start = async (bundle: WorkflowBundle, temporalAddress?: string, statusCallbacks?: { fallbackPollMs: number }) => {
    const h = await CallHarness.start({ workflowBundle: bundle, behaviour: BEHAVIOUR, temporalAddress, statusCallbacks });
    harnesses.push(h);
    return h;
  };
  try {
    await Promise.all([
      start(workflowBundle).then((h) => record(h, chosen(SCENARIOS, names))),
      start(workflowBundle).then((h) => recordOneByOne(h, chosen(RACES, names))),
      start(workflowBundle, lowLimits.address).then((h) => record(h, chosen({ 'continued-as-new': CONTINUED_AS_NEW }, names))),
      start(workflowBundle, undefined, { fallbackPollMs: 3_000 }).then((h) => record(h, chosen(STATUS_CALLBACKS, names))),
    ]);
  } finally {
    await Promise.allSettled(harnesses.map((h) => h.close()));
    await lowLimits.teardown();
    await globalTeardown();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
