import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CallFailureType } from '@call-scheduler/shared/workflow';
import { CallHarness, bundleWorkflows, installQuietRuntime } from './support/call-harness';
import {
  aFollowUpAskedWithAWrite,
  aHeldDialCalledOffTooLate,
  acceptedUpdatesByTask,
  activityFailureTypes,
  heartbeatTimeoutsOf,
  retriedActivities,
  scheduledActivities,
  tasksThatFiredATimerAndTookAnUpdate,
} from './support/history-shapes';

/*
 * Calls sleep for days, so a worker deployed today replays histories started by last month's code.
 * These tests replay recorded histories (record more with `npx tsx test/record-histories.ts`, see that file)
 * on the current workflow code, and on a deliberately incompatible change to prove the check bites.
 */

const HISTORY_DIR = join(__dirname, 'histories');

/** The histories in a folder of HISTORY_DIR, by name; record-histories.ts gzips the large ones. */
function recorded(dir: string) {
  return readdirSync(join(HISTORY_DIR, dir))
    .filter((file) => /\.json(\.gz)?$/.test(file))
    .sort()
    .map((file) => {
      const content = readFileSync(join(HISTORY_DIR, dir, file));
      const json = file.endsWith('.gz') ? gunzipSync(content).toString('utf8') : content.toString('utf8');
      return { workflowId: join(dir, file.replace(/\.json(\.gz)?$/, '')), history: historyFromJSON(JSON.parse(json)) };
    });
}

/**
 * Histories of calls started before patch `record-events-from-history`, which still run on the code before
 * it: recorded by that code, including the orders its start-now wrote in that the SDK does not replay as such.
 */
const LEGACY = recorded('legacy');
const RECORDED = [...recorded('.'), ...LEGACY];

let current: WorkflowBundle;
let changed: WorkflowBundle;
let reordered: WorkflowBundle;

beforeAll(async () => {
  installQuietRuntime();
  [current, changed, reordered] = await Promise.all([
    bundleWorkflows(),
    bundleWorkflows(require.resolve('./fixtures/changed-workflows')),
    bundleWorkflows(undefined, [require.resolve('./fixtures/reordered-awaits')]),
  ]);
}, 60_000);

async function replay(workflowBundle: WorkflowBundle, histories: { workflowId: string; history: History }[]) {
  const results: { workflowId: string; error: unknown }[] = [];
  for await (const { workflowId, error } of Worker.runReplayHistories({ workflowBundle }, histories)) {
    results.push({ workflowId, error });
  }
  return results;
}

describe('replaying call histories', () => {
  it('has a recorded history for every path a call can take, each command and each race', () => {
    expect(RECORDED.map((r) => r.workflowId)).toEqual(
      expect.arrayContaining([
        'created-now-completed',
        'scheduled-then-completed',
        'rescheduled-once',
        'rescheduled-300-times',
        'started-now-while-sleeping',
        'started-now-racing-the-timer',
        'cancelled-while-sleeping',
        'cancel-racing-start-now',
        'cancelled-with-its-start',
        'command-storm',
        'cancelled-by-temporal-while-sleeping',
        'cancelled-by-temporal-while-dialing',
        'cancelled-by-temporal-while-ringing',
        'cancelled-by-temporal-then-unanswered',
        'no-answer-then-completed',
        'failed-on-4xx',
        'held-then-dialled',
        'cancelled-while-held',
        'cancelled-by-temporal-while-held',
        'dial-held-then-made',
        'cancelled-while-dial-held',
        'rescheduled-while-dial-held',
        'started-now-while-dial-held',
        'cancelled-by-temporal-while-dial-held',
        'dial-held-again-after-its-worker-died',
        'dial-placed-after-its-holding-worker-died',
        'held-dial-taken-up-before-its-instant',
        'held-dial-retried-after-its-worker-died',
        'held-dial-sent-again-after-its-worker-died-mid-request',
        'held-dial-retried-after-a-3-s-heartbeat-timeout',
        'held-dial-sent-again-after-a-3-s-heartbeat-timeout',
        'cancel-racing-the-held-dial',
        'dial-outcome-unknown-then-found',
        'followed-through-a-provider-brownout',
        'lost-track-of-a-silent-provider',
        'followed-again-after-its-worker-died',
        'waited-out-a-database-outage',
        'waited-for-its-calling-window',
        'started-now-overriding-its-calling-window',
        'expired-before-its-calling-window-opened',
        'expired-instead-of-a-late-retry',
        'schedule-run',
        'blocked-by-the-do-not-call-list',
        'followed-by-its-status-callbacks',
        'status-callbacks-taken-past-a-gap',
        'status-callbacks-lost-then-looked-up',
        'continued-on-temporals-suggestion.run-1',
        'continued-on-temporals-suggestion.run-2',
        'continued-on-temporals-suggestion.run-3',
        'continued-as-new.run-1',
        'continued-as-new.run-2',
        'continued-as-new.run-3',
        ...[
          'completed',
          'rescheduled-then-completed',
          'cancelled-while-sleeping',
          'no-answer-then-completed',
          'failed-on-4xx',
          'cancelled-by-temporal',
          'started-now-answered-first',
          'started-now-dial-written-first',
          'started-now-dial-placed-before-answer',
          'started-now-after-no-answer-answered-first',
          'started-now-after-no-answer-dial-written-first',
          'reschedule-storm',
          'start-now-and-cancel-together',
        ].map((name) => join('legacy', name)),
      ]),
    );
  });

  it('holds the races it is named after', () => {
    const history = (name: string) => RECORDED.find((r) => r.workflowId === name)!.history;
    expect(tasksThatFiredATimerAndTookAnUpdate(history('started-now-racing-the-timer'))).toBe(true);
    expect(Math.max(...acceptedUpdatesByTask(history('cancel-racing-start-now')))).toBe(2);
    expect(Math.max(...acceptedUpdatesByTask(history('command-storm')))).toBeGreaterThan(1);
    expect(aHeldDialCalledOffTooLate(history('cancel-racing-the-held-dial'))).toBe(true);
  });

  it('holds the spend cap paths they are named after', () => {
    const activities = (name: string) => scheduledActivities(RECORDED.find((r) => r.workflowId === name)!.history).filter((type) => type !== 'recordCallEvents');
    expect(activities('held-then-dialled')).toEqual(['reserveDial', 'reserveDial', 'placeCall', 'awaitCallProgress', 'awaitCallProgress', 'awaitCallProgress', 'releaseDial']);
    expect(activities('cancelled-while-held')).toEqual(['reserveDial']);
    expect(activities('cancelled-by-temporal-while-held')).toEqual(['reserveDial']);
    // Recorded before accounts: no reservation.
    expect(activities('created-now-completed')).not.toContain('reserveDial');
  });

  it('holds the held dial paths they are named after', () => {
    const history = (name: string) => RECORDED.find((r) => r.workflowId === name)!.history;
    const dials = (name: string) => scheduledActivities(history(name)).filter((type) => type.startsWith('placeCall'));
    expect(dials('dial-held-then-made')).toEqual(['placeCallWhenDue']);
    expect(dials('cancelled-while-dial-held')).toEqual(['placeCallWhenDue']);
    expect(dials('rescheduled-while-dial-held')).toEqual(['placeCallWhenDue', 'placeCallWhenDue']);
    expect(dials('started-now-while-dial-held')).toEqual(['placeCallWhenDue', 'placeCallWhenDue']);
    expect(dials('dial-held-again-after-its-worker-died')).toEqual(['placeCallWhenDue', 'placeCallWhenDue']);
    expect(dials('dial-placed-after-its-holding-worker-died')).toEqual(['placeCallWhenDue', 'placeCall']);
    expect(retriedActivities(history('held-dial-taken-up-before-its-instant'))).toEqual([{ type: 'placeCallWhenDue', after: CallFailureType.HeldDialNotYetDue }]);
    // Since patch held-dial-retries, Temporal itself sends a hold lost with its worker to another.
    const retriedAfterItsWorkerDied = {
      5_000: ['held-dial-retried-after-its-worker-died', 'held-dial-sent-again-after-its-worker-died-mid-request'],
      3_000: ['held-dial-retried-after-a-3-s-heartbeat-timeout', 'held-dial-sent-again-after-a-3-s-heartbeat-timeout'],
    };
    for (const [timeoutMs, names] of Object.entries(retriedAfterItsWorkerDied)) {
      for (const name of names) {
        expect(dials(name)).toEqual(['placeCallWhenDue']);
        expect(heartbeatTimeoutsOf(history(name), 'placeCallWhenDue')).toEqual([Number(timeoutMs)]);
        expect(retriedActivities(history(name))).toContainEqual({ type: 'placeCallWhenDue', after: 'TIMEOUT_TYPE_HEARTBEAT' });
      }
    }
    const calledOff = (name: string) => scheduledActivities(RECORDED.find((r) => r.workflowId === name)!.history).includes('callOffHeldDial');
    expect(['cancelled-while-dial-held', 'rescheduled-while-dial-held', 'started-now-while-dial-held', 'cancelled-by-temporal-while-dial-held'].filter(calledOff)).toHaveLength(4);
  });

  it('holds the provider fault and worker loss paths they are named after', () => {
    const history = (name: string) => RECORDED.find((r) => r.workflowId === name)!.history;
    const dials = (name: string) => scheduledActivities(history(name)).filter((type) => type.startsWith('placeCall'));
    expect(dials('dial-outcome-unknown-then-found')).toEqual(['placeCallWhenDue', 'placeCall', 'placeCall']);
    expect(retriedActivities(history('followed-through-a-provider-brownout'))).toEqual([]);
    expect(activityFailureTypes(history('lost-track-of-a-silent-provider'))).toEqual(['ProviderSilent']);
    expect(retriedActivities(history('followed-again-after-its-worker-died'))).toContainEqual({ type: 'awaitCallProgress', after: 'TIMEOUT_TYPE_HEARTBEAT' });
    expect(retriedActivities(history('waited-out-a-database-outage')).map(({ type }) => type)).toContain('recordCallEvents');
  });

  it('holds the calling window, deadline and schedule paths they are named after', () => {
    const history = (name: string) => RECORDED.find((r) => r.workflowId === name)!.history;
    const markers = (name: string) => history(name).events!.filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity').length;
    expect(markers('waited-for-its-calling-window')).toBe(2);
    expect(markers('started-now-overriding-its-calling-window')).toBeGreaterThanOrEqual(2);
    expect(scheduledActivities(history('expired-before-its-calling-window-opened')).filter((type) => type !== 'recordCallEvents')).toEqual([]);
    expect(scheduledActivities(history('expired-instead-of-a-late-retry')).filter((type) => type.startsWith('placeCall'))).toEqual(['placeCallWhenDue']);
    expect(history('schedule-run').events!.filter((event) => event.startChildWorkflowExecutionInitiatedEventAttributes).length).toBe(1);
  });

  it('holds the status callback paths they are named after: followed by the signals, past a gap after its wait, or looked up', () => {
    const history = (name: string) => RECORDED.find((r) => r.workflowId === name)!.history;
    const signals = (name: string) => history(name).events!.filter((event) => event.workflowExecutionSignaledEventAttributes).length;
    const lookUps = (name: string) => scheduledActivities(history(name)).filter((type) => type === 'awaitCallProgress').length;
    // The reports past the gap waited for it: a timer rang after the first of them came.
    const timersFiredAfterASignal = (name: string) => {
      const events = history(name).events!;
      return events.slice(events.findIndex((event) => event.workflowExecutionSignaledEventAttributes)).filter((event) => event.timerFiredEventAttributes).length;
    };
    expect([signals('followed-by-its-status-callbacks'), lookUps('followed-by-its-status-callbacks')]).toEqual([4, 0]);
    expect([signals('status-callbacks-taken-past-a-gap'), lookUps('status-callbacks-taken-past-a-gap')]).toEqual([3, 0]);
    expect(timersFiredAfterASignal('status-callbacks-taken-past-a-gap')).toBe(1);
    expect(timersFiredAfterASignal('followed-by-its-status-callbacks')).toBe(0);
    expect([signals('status-callbacks-lost-then-looked-up'), lookUps('status-callbacks-lost-then-looked-up')]).toEqual([0, 1]);
  });

  it('holds the do-not-call path it is named after: reserved, held, blocked at the claim, released, never sent', () => {
    const history = RECORDED.find((r) => r.workflowId === 'blocked-by-the-do-not-call-list')!.history;
    expect(scheduledActivities(history).filter((type) => type !== 'recordCallEvents')).toEqual(['reserveDial', 'placeCallWhenDue', 'releaseDial']);
  });

  it('replays every recorded history on the current workflow code', async () => {
    const results = await replay(current, RECORDED);
    expect(results).toEqual(RECORDED.map(({ workflowId }) => ({ workflowId, error: undefined })));
  });

  it('reports a workflow change that breaks running calls as a DeterminismViolationError', async () => {
    const results = await replay(changed, RECORDED);
    expect(results.map((r) => r.workflowId)).toEqual(RECORDED.map((r) => r.workflowId));
    for (const { error } of results) expect(error).toBeInstanceOf(DeterminismViolationError);
  });

  it('reports two awaits swapped in the workflow as a DeterminismViolationError, on every history that asked for a follow-up and a write together', async () => {
    // The legacy workflow wrote its events another way, never in the same moment as it asked for a follow-up; a
    // call whose writes waited out a database outage had one in flight then, and asked for none with it.
    const followed = RECORDED.filter(({ history }) => aFollowUpAskedWithAWrite(history));
    expect(followed.length).toBeGreaterThan(10);

    const results = await replay(reordered, followed);

    for (const { error } of results) expect(error).toBeInstanceOf(DeterminismViolationError);
  });

  describe('a history made just now', () => {
    let h: CallHarness;
    const number = '+14155550301';

    beforeAll(async () => {
      h = await CallHarness.start({ workflowBundle: current, behaviour: { outcomesByNumber: { [number]: ['no_answer', 'completed'] } } });
    }, 60_000);

    afterAll(async () => {
      await h?.close();
    });

    it('replays on the code that made it, and not on the changed code', async () => {
      const { handle } = await h.startCall({ phoneNumber: number, maxAttempts: 2, retryDelaySeconds: 1 });
      expect(await handle.result()).toMatchObject({ status: 'completed', attempt: 2 });
      const history = await handle.fetchHistory();
      expect(history.events?.length).toBeGreaterThan(30);

      await Worker.runReplayHistory({ workflowBundle: current }, history, handle.workflowId);
      await expect(Worker.runReplayHistory({ workflowBundle: changed }, history, handle.workflowId)).rejects.toBeInstanceOf(
        DeterminismViolationError,
      );
    });
  });
});
