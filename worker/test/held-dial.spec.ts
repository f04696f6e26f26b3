import { CallFailureType, callStateQuery, cancelUpdate, rescheduleUpdate, startNowUpdate } from '@call-scheduler/shared/workflow';
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from './support/eventually';
import { CallHarness, bundleWorkflows, installQuietRuntime, type StartedCall } from './support/call-harness';
import { retriedActivities, retriesOf, scheduledActivities } from './support/history-shapes';

/** One number per scenario, so each scenario's provider calls are its own. */
const NUMBER = {
  onTime: '+14155550301',
  cancelled: '+14155550302',
  rescheduled: '+14155550303',
  startedNow: '+14155550304',
  cancelledByTemporal: '+14155550305',
  workerLost: '+14155550306',
  cancelAtTheInstant: '+14155550307',
  lostMidRequest: '+14155550308',
  lostAfterClaim: '+14155550309',
  takenUpLate: '+14155550310',
};

const ANSWERED = ['DialAttemptStarted', 'ProviderAccepted', 'CallRinging', 'CallAnswered', 'CallCompleted'];

let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  // Every workflow task replays the history from its start, so a command the history cannot reproduce fails the test.
  h = await CallHarness.start({ workflowBundle: await bundleWorkflows(), behaviour: {}, maxCachedWorkflows: 0 });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

function dialsOf({ id, input }: StartedCall) {
  return h.dialed(input.call.phoneNumber).filter((dial) => dial.idempotencyKey.startsWith(id));
}

/** A call whose dial a worker holds for a few seconds yet. */
async function heldCall(phoneNumber: string, inMs = 4_000): Promise<StartedCall> {
  const call = await h.startCall({ phoneNumber, inMs, dialLeadMs: inMs - 500 });
  await h.untilDialHeld(call.handle);
  expect(Date.now()).toBeLessThan(Date.parse(call.input.call.scheduledAt));
  return call;
}

/** A held call whose worker is killed once the provider has had `posts` POSTs for it, the last one unanswered. */
function heldCallLostMidRequest(phoneNumber: string, posts: number): Promise<StartedCall> {
  return h.whileNoWorkerRuns(async () => {
    const doomed = await h.startWorkerProcess();
    const held = await heldCall(phoneNumber);
    await eventually(
      async () => dialsOf(held),
      ([dial]) => dial?.postCount === posts,
    );
    await doomed.kill();
    return held;
  });
}

/** The call completed at its first attempt, dialled once, not before its instant. */
async function expectDialledOnceNotEarly(call: StartedCall): Promise<void> {
  expect(await call.handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
  const [dial, ...more] = dialsOf(call);
  expect(more).toEqual([]);
  expect(Date.parse(dial!.createdAt)).toBeGreaterThanOrEqual(Date.parse(call.input.call.scheduledAt));
}

async function afterItsInstant({ input }: StartedCall): Promise<void> {
  await sleep(Date.parse(input.call.scheduledAt) + 1_000 - Date.now());
}

describe('a dial held by a worker until its instant', () => {
  it('is handed to the worker a lead ahead, and reaches the provider at the instant, not before', async () => {
    const call = await heldCall(NUMBER.onTime);
    expect(dialsOf(call)).toEqual([]);
    expect(await call.handle.query(callStateQuery)).toMatchObject({ status: 'scheduled', attempt: 0 });

    await expectDialledOnceNotEarly(call);
    expect((await h.projection(call.id)).eventTypes).toEqual(['CallScheduled', ...ANSWERED]);
  });

  it('is called off by a cancel, which is answered once PostgreSQL has the call-off, and nothing is dialled', async () => {
    const call = await heldCall(NUMBER.cancelled);

    expect(await call.handle.executeUpdate(cancelUpdate, { args: [{ reason: 'while held' }] })).toMatchObject({ status: 'cancelled' });
    await afterItsInstant(call);

    expect(dialsOf(call)).toEqual([]);
    expect(await call.handle.result()).toMatchObject({ status: 'cancelled', attempt: 0 });
    expect((await h.projection(call.id)).eventTypes).toEqual(['CallScheduled', 'CallCancelled']);
  });

  it('is called off by a reschedule, and dialled at the new time only', async () => {
    const call = await heldCall(NUMBER.rescheduled);
    const later = new Date(Date.parse(call.input.call.scheduledAt) + 2_000).toISOString();

    expect(await call.handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: later }] })).toMatchObject({ status: 'scheduled', scheduledAt: later });
    await afterItsInstant(call);
    expect(dialsOf(call)).toEqual([]);

    expect(await call.handle.result()).toMatchObject({ status: 'completed', attempt: 1, scheduledAt: later });
    const [dial, ...more] = dialsOf(call);
    expect(more).toEqual([]);
    expect(Date.parse(dial!.createdAt)).toBeGreaterThanOrEqual(Date.parse(later));
    expect((await h.projection(call.id)).eventTypes).toEqual(['CallScheduled', 'CallRescheduled', ...ANSWERED]);
  });

  it('is called off by a start-now, which dials at once, once', async () => {
    const call = await heldCall(NUMBER.startedNow, 6_000);

    await call.handle.executeUpdate(startNowUpdate, { args: [{}] });
    expect(await call.handle.result()).toMatchObject({ status: 'completed', attempt: 1 });

    const [dial, ...more] = dialsOf(call);
    expect(more).toEqual([]);
    expect(Date.parse(dial!.createdAt)).toBeLessThan(Date.parse(call.input.call.scheduledAt));
    expect((await h.projection(call.id)).eventTypes).toEqual(['CallScheduled', 'CallRescheduled', ...ANSWERED]);
  });

  it('is called off when Temporal cancels the workflow, which closes cancelled without a dial', async () => {
    const call = await heldCall(NUMBER.cancelledByTemporal);

    await call.handle.cancel();
    await expect(call.handle.result()).rejects.toThrow();
    await afterItsInstant(call);

    expect(dialsOf(call)).toEqual([]);
    expect((await call.handle.describe()).status.name).toBe('CANCELLED');
    expect((await h.projection(call.id)).eventTypes).toEqual(['CallScheduled', 'CallCancelled']);
  });

  it('waits in Temporal, on no worker, until shortly before its instant: a worker lost meanwhile costs it nothing', async () => {
    const call = await h.whileNoWorkerRuns(async () => {
      const doomed = await h.startWorkerProcess();
      const started = await h.startCall({ phoneNumber: NUMBER.takenUpLate, inMs: 35_000, dialLeadMs: 34_500 });
      await eventually(
        async () => (await started.handle.describe()).raw.pendingActivities ?? [],
        ([hold]) => hold?.lastFailure?.applicationFailureInfo?.type === CallFailureType.HeldDialNotYetDue,
      );
      await doomed.kill();
      return started;
    });

    await expectDialledOnceNotEarly(call);
    const holdRetries = retriedActivities(await call.handle.fetchHistory()).filter(({ type }) => type === 'placeCallWhenDue');
    expect(holdRetries).toEqual([{ type: 'placeCallWhenDue', after: CallFailureType.HeldDialNotYetDue }]);
  }, 90_000);

  it('is held again by another worker when the one holding it dies, and dialled once, not before its instant', async () => {
    const call = await h.whileNoWorkerRuns(async () => {
      const doomed = await h.startWorkerProcess();
      const held = await heldCall(NUMBER.workerLost, 15_000);
      await doomed.kill();
      return held;
    });

    await expectDialledOnceNotEarly(call);
    expect((await h.projection(call.id)).eventTypes).toEqual(['CallScheduled', ...ANSWERED]);
    // Temporal sent the hold to the other worker itself: the run took no task for it, and held it once.
    const history = await call.handle.fetchHistory();
    expect(retriesOf(history, 'placeCallWhenDue')).toEqual([{ attempt: 2, after: 'TIMEOUT_TYPE_HEARTBEAT' }]);
    expect(scheduledActivities(history).filter((type) => type.startsWith('placeCall'))).toEqual(['placeCallWhenDue']);
  }, 60_000);

  it('is claimed and sent again with the same key by another worker when the one holding it dies with the request out', async () => {
    h.provider.setBehaviour({ createErrorsByNumber: { [NUMBER.lostAfterClaim]: ['timeout'] } });
    const call = await heldCallLostMidRequest(NUMBER.lostAfterClaim, 1);

    expect(await call.handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
    expect(dialsOf(call)).toEqual([expect.objectContaining({ idempotencyKey: `${call.id}:1`, postCount: 2 })]);
    const history = await call.handle.fetchHistory();
    expect(retriesOf(history, 'placeCallWhenDue')).toEqual([{ attempt: 2, after: 'TIMEOUT_TYPE_HEARTBEAT' }]);
    expect(scheduledActivities(history).filter((type) => type.startsWith('placeCall'))).toEqual(['placeCallWhenDue']);
  }, 60_000);

  it('is sent again by another worker once the heartbeat of the worker that died with the request out stops', async () => {
    // The held dial gets a 503, so the run makes sure of it through placeCall, whose request the provider leaves unanswered.
    h.provider.setBehaviour({ createErrorsByNumber: { [NUMBER.lostMidRequest]: [503, 'timeout'] } });
    const call = await heldCallLostMidRequest(NUMBER.lostMidRequest, 2);

    expect(await call.handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
    expect(dialsOf(call)).toEqual([expect.objectContaining({ idempotencyKey: `${call.id}:1`, postCount: 3 })]);
    // Not the start-to-close timeout (30 s), which a request to a slow provider needs.
    expect(retriesOf(await call.handle.fetchHistory(), 'placeCall')).toEqual([{ attempt: 2, after: 'TIMEOUT_TYPE_HEARTBEAT' }]);
  }, 60_000);

  it('either takes a cancel sent at its instant and dials nothing, or refuses it and dials once, never both', async () => {
    for (let trial = 0; trial < 8; trial++) {
      const call = await heldCall(NUMBER.cancelAtTheInstant, 3_000);
      await sleep(Date.parse(call.input.call.scheduledAt) - 40 + trial * 10 - Date.now());

      const cancel = await call.handle.executeUpdate(cancelUpdate, { args: [{ reason: 'at the instant' }] }).then(
        () => 'taken',
        (error: WorkflowUpdateFailedError) => {
          expect(error.cause).toMatchObject({ type: CallFailureType.NotPending });
          return 'refused';
        },
      );
      const final = await call.handle.result();
      if (cancel === 'taken') {
        expect(final.status).toBe('cancelled');
        await afterItsInstant(call);
        expect(dialsOf(call)).toEqual([]);
      } else {
        expect(final.status).toBe('completed');
        expect(dialsOf(call)).toHaveLength(1);
      }
    }
  }, 120_000);
});

describe('the history of every call above', () => {
  it('replays from scratch on the workflow code that made it', async () => {
    const results = await h.replayEveryWorkflow();
    expect(results.length).toBeGreaterThanOrEqual(14);
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
  });
});
