import {
  CallFailureType,
  callStateQuery,
  cancelUpdate,
  rescheduleUpdate,
  startNowUpdate,
  type CallEventType,
} from '@call-scheduler/shared/workflow';
import { ApplicationFailure, CancelledFailure, WorkflowFailedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallHarness, bundleWorkflows, installQuietRuntime } from './support/call-harness';
import { eventually, rejectionOf } from './support/eventually';

/** One number per scenario, so each scenario's provider script and provider calls are its own. */
const NUMBER = {
  onTime: '+14155550101',
  movedLater: '+14155550102',
  movedEarlier: '+14155550103',
  badReschedule: '+14155550104',
  finished: '+14155550105',
  startedNow: '+14155550106',
  cancelledByUpdate: '+14155550107',
  cancelledByTemporal: '+14155550108',
  serverErrors: '+14155550109',
  rateLimited: '+14155550110',
  rejected: '+14155550111',
  unansweredOnce: '+14155550112',
  alwaysBusy: '+14155550113',
  providerFails: '+14155550114',
  cancelledWhileWaiting: '+14155550115',
  cancelledAtStart: '+14155550116',
  movedAtStart: '+14155550117',
  cancelledWhileDialing: '+14155550118',
  cancelledWhileRinging: '+14155550119',
  cancelledBeforeRetry: '+14155550120',
  commandStorm: '+14155550121',
  startNowAtDueTime: '+14155550122',
  cancelOrStartNow: '+14155550123',
};

const ANSWERED_CALL: CallEventType[] = [
  'CallScheduled',
  'DialAttemptStarted',
  'ProviderAccepted',
  'CallRinging',
  'CallAnswered',
  'CallCompleted',
];

let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  h = await CallHarness.start({
    workflowBundle: await bundleWorkflows(),
    behaviour: {
      failAfterAccept: true,
      createErrorsByNumber: {
        [NUMBER.serverErrors]: [503, 503],
        [NUMBER.rateLimited]: [429],
        [NUMBER.cancelledWhileDialing]: [429],
        [NUMBER.rejected]: [400],
      },
      outcomesByNumber: {
        [NUMBER.unansweredOnce]: ['no_answer', 'completed'],
        [NUMBER.alwaysBusy]: 'busy',
        [NUMBER.providerFails]: 'failed',
        [NUMBER.cancelledWhileWaiting]: 'no_answer',
        [NUMBER.cancelledBeforeRetry]: 'no_answer',
      },
    },
    // Every workflow task replays the history from its start, so a command the history cannot reproduce fails the test.
    maxCachedWorkflows: 0,
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

function isoIn(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

describe('a call workflow on a real worker, database and provider', () => {
  describe('waiting for its time', () => {
    it('dials once at the scheduled time, not before, and records every step', async () => {
      const { id, handle, input } = await h.startCall({ phoneNumber: NUMBER.onTime, inMs: 2_000 });

      await sleep(1_200);
      expect(h.dialed(NUMBER.onTime)).toEqual([]);
      expect(await h.calls.findById(id)).toMatchObject({ status: 'scheduled', attempt: 0, version: 1 });

      const state = await handle.result();
      expect(state).toMatchObject({ id, status: 'completed', attempt: 1, lastError: null, nextAttemptAt: null });
      expect(state.externalCallId).toEqual(expect.any(String));

      const { call, eventTypes, seqs } = await h.projection(id);
      expect(call).toEqual(state);
      expect(eventTypes).toEqual(ANSWERED_CALL);
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);

      const dialed = h.dialed(NUMBER.onTime);
      expect(dialed).toEqual([
        expect.objectContaining({ id: state.externalCallId, idempotencyKey: `${id}:1`, postCount: 1, status: 'completed' }),
      ]);
      expect(Date.parse(dialed[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(input.call.scheduledAt));
    });

    it('moves a sleeping call later and dials it at the new time only', async () => {
      const { id, handle, input } = await h.startCall({ phoneNumber: NUMBER.movedLater, inMs: 1_000 });
      await h.untilSleeping(id);
      const newTime = isoIn(2_500);

      const updated = await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: newTime }] });
      expect(updated).toMatchObject({ status: 'scheduled', scheduledAt: newTime, version: 2 });
      expect(await h.untilProjected(id, updated.version)).toEqual(updated);

      await sleep(Date.parse(input.call.scheduledAt) + 700 - Date.now());
      expect(h.dialed(NUMBER.movedLater)).toEqual([]);

      expect(await handle.result()).toMatchObject({ status: 'completed', scheduledAt: newTime, attempt: 1 });
      const { eventTypes } = await h.projection(id);
      expect(eventTypes).toEqual(['CallScheduled', 'CallRescheduled', ...ANSWERED_CALL.slice(1)]);
      const dialed = h.dialed(NUMBER.movedLater);
      expect(dialed).toHaveLength(1);
      expect(Date.parse(dialed[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(newTime));
    });

    it('moves a call due in an hour to a second from now and dials it then', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.movedEarlier, inMs: 60 * 60_000 });
      await h.untilSleeping(id);
      const newTime = isoIn(1_000);

      const updated = await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: newTime }] });
      expect(updated).toMatchObject({ status: 'scheduled', scheduledAt: newTime });
      expect(await h.untilProjected(id, updated.version)).toEqual(updated);

      expect(await handle.result()).toMatchObject({ status: 'completed', scheduledAt: newTime });
      const events = await h.calls.findEvents(id);
      expect(events[1]).toMatchObject({ type: 'CallRescheduled', data: { scheduledAt: newTime, startNow: false } });
      const dialStarted = events.find((e) => e.type === 'DialAttemptStarted')!;
      expect(Date.parse(dialStarted.occurredAt)).toBeGreaterThanOrEqual(Date.parse(newTime));
      expect(h.dialed(NUMBER.movedEarlier)).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, status: 'completed' })]);
    });

    it('starts a call due in an hour at once when asked to start now', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.startedNow, inMs: 60 * 60_000 });
      await h.untilSleeping(id);
      const before = Date.now();

      const updated = await handle.executeUpdate(startNowUpdate, { args: [{}] });
      expect(Date.parse(updated.scheduledAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(updated.scheduledAt)).toBeLessThanOrEqual(Date.now());
      // The call is already being dialled, so the row may have moved on since.
      expect((await h.untilProjected(id, updated.version)).scheduledAt).toBe(updated.scheduledAt);

      expect(await handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
      const events = await h.calls.findEvents(id);
      expect(events.map((e) => e.type)).toEqual(['CallScheduled', 'CallRescheduled', ...ANSWERED_CALL.slice(1)]);
      expect(events[1]).toMatchObject({ data: { startNow: true } });
      expect(h.dialed(NUMBER.startedNow)).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, postCount: 1 })]);
    });
  });

  describe('refusing changes it cannot make', () => {
    it.each([
      ['a time an hour ago', () => isoIn(-60 * 60_000)],
      ['a time two years ahead', () => isoIn(2 * 366 * 24 * 60 * 60_000)],
      ['something that is not a time', () => 'tomorrow-ish'],
    ])('rejects rescheduling to %s with InvalidSchedule and changes nothing', async (_what, scheduledAt) => {
      const { id, handle, input } = await h.startCall({ phoneNumber: NUMBER.badReschedule, inMs: 60 * 60_000 });
      await h.untilSleeping(id);

      const error = await rejectionOf(handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: scheduledAt() }] }));
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect(cause).toMatchObject({ type: CallFailureType.InvalidSchedule });

      expect(await handle.query(callStateQuery)).toMatchObject({ status: 'scheduled', scheduledAt: input.call.scheduledAt, version: 1 });
      const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{}] });
      expect(cancelled.version).toBe(2);
      await handle.result();
      expect((await h.projection(id)).eventTypes).toEqual(['CallScheduled', 'CallCancelled']);
    });

    it('rejects cancelling a call while it is being dialled with CallNotPending, and the call goes on', async () => {
      // The provider answers the first POST with 429 and Retry-After: 1, so the call stays `dialing` for a second.
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.rateLimited });
      await eventually(() => handle.query(callStateQuery), (s) => s.status === 'dialing');

      const error = await rejectionOf(handle.executeUpdate(cancelUpdate, { args: [{ reason: 'too late' }] }));
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ type: CallFailureType.NotPending, details: ['dialing'] });

      expect(await handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
      expect((await h.projection(id)).eventTypes).not.toContain('CallCancelled');
      expect(h.dialed(NUMBER.rateLimited)).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, postCount: 2, status: 'completed' })]);
    });

    it('answers every change to a finished call with WorkflowNotFoundError: its workflow is closed', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.finished });
      const finished = await handle.result();
      expect(finished.status).toBe('completed');

      const attempts = [
        handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: isoIn(60_000) }] }),
        handle.executeUpdate(startNowUpdate, { args: [{}] }),
        handle.executeUpdate(cancelUpdate, { args: [{}] }),
      ];
      for (const attempt of attempts) {
        const error = await rejectionOf(attempt);
        expect(error).toBeInstanceOf(WorkflowNotFoundError);
        expect((error as Error).message).toMatch(/already completed/);
      }
      expect(await h.calls.findById(id)).toEqual(finished);
    });
  });

  describe('cancelled while it sleeps', () => {
    it('never dials a call cancelled through the cancel update', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledByUpdate, inMs: 60 * 60_000 });
      await h.untilSleeping(id);

      const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'customer asked' }] });
      expect(cancelled).toMatchObject({ status: 'cancelled', nextAttemptAt: null });
      expect(await h.untilProjected(id, cancelled.version)).toEqual(cancelled);

      expect(await handle.result()).toEqual(cancelled);
      const events = await h.calls.findEvents(id);
      expect(events.map((e) => e.type)).toEqual(['CallScheduled', 'CallCancelled']);
      expect(events[1]).toMatchObject({ data: { reason: 'customer asked' } });
      expect(h.dialed(NUMBER.cancelledByUpdate)).toEqual([]);
    });

    it('never dials a call whose workflow Temporal cancels, and records it cancelled', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledByTemporal, inMs: 60 * 60_000 });
      await h.untilSleeping(id);

      await handle.cancel();

      // The workflow records CallCancelled, then closes as cancelled, as Temporal's Web UI shows it.
      const error = await rejectionOf(handle.result());
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
      expect((await handle.describe()).status.name).toBe('CANCELLED');
      const { call, eventTypes } = await h.projection(id);
      expect(call).toMatchObject({ status: 'cancelled', nextAttemptAt: null, attempt: 0 });
      expect(eventTypes).toEqual(['CallScheduled', 'CallCancelled']);
      expect(h.dialed(NUMBER.cancelledByTemporal)).toEqual([]);
    });

    it('never dials again a call cancelled while it waits to retry after no answer', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledWhileWaiting, maxAttempts: 3, retryDelaySeconds: 60 });
      // The projection, not a query: a query may answer from a workflow task the server then turned back, after which the
      // call is ringing again until the task is retried.
      const waiting = await eventually(() => h.calls.findById(id), (call) => call?.status === 'no_answer', 15_000);
      expect(waiting!.nextAttemptAt).toEqual(expect.any(String));

      const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'not needed any more' }] });
      expect(cancelled).toMatchObject({ status: 'cancelled', attempt: 1, nextAttemptAt: null });

      expect(await handle.result()).toEqual(cancelled);
      expect((await h.projection(id)).eventTypes.slice(-2)).toEqual(['CallUnanswered', 'CallCancelled']);
      expect(h.dialed(NUMBER.cancelledWhileWaiting).map((c) => c.idempotencyKey)).toEqual([`${id}:1`]);
    });
  });

  // An update can reach a workflow in the same task as its start: sent with update-with-start, as here, or sent
  // right after the start while no worker has run the workflow yet. It must be applied after CallScheduled.
  describe('an update that arrives together with the start', () => {
    it('keeps a call cancelled whose cancel arrived with its start, and never dials it', async () => {
      const { id, handle, updated } = await h.startCallWithUpdate(cancelUpdate, [{ reason: 'changed my mind' }], {
        phoneNumber: NUMBER.cancelledAtStart,
        inMs: 60 * 60_000,
      });
      expect(updated).toMatchObject({ status: 'cancelled' });

      const state = await handle.result();
      expect(h.dialed(NUMBER.cancelledAtStart)).toEqual([]);
      expect(state).toMatchObject({ status: 'cancelled' });
      expect(await h.projection(id)).toMatchObject({
        call: { status: 'cancelled' },
        eventTypes: ['CallScheduled', 'CallCancelled'],
      });
    });

    it('shows the new time of a call rescheduled with its start, the time it is dialled at', async () => {
      const newTime = isoIn(1_000);
      const { id, handle, updated } = await h.startCallWithUpdate(rescheduleUpdate, [{ scheduledAt: newTime }], {
        phoneNumber: NUMBER.movedAtStart,
        inMs: 60 * 60_000,
      });
      expect(updated).toMatchObject({ status: 'scheduled', scheduledAt: newTime });

      const state = await handle.result();
      expect(h.dialed(NUMBER.movedAtStart)).toHaveLength(1);
      expect(state).toMatchObject({ status: 'completed', scheduledAt: newTime });
      expect(await h.projection(id)).toMatchObject({
        call: { scheduledAt: newTime },
        eventTypes: ['CallScheduled', 'CallRescheduled', ...ANSWERED_CALL.slice(1)],
      });
    });
  });

  describe('when the provider misbehaves', () => {
    it('completes a call whose first two POSTs got a 503 after the provider dialled, without dialling twice', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.serverErrors });

      const state = await handle.result();
      expect(state).toMatchObject({ status: 'completed', attempt: 1 });
      const dialed = h.dialed(NUMBER.serverErrors);
      expect(dialed).toEqual([
        expect.objectContaining({ id: state.externalCallId, idempotencyKey: `${id}:1`, postCount: 3, status: 'completed' }),
      ]);
      // The call was already ringing while the POSTs were retried, so which progress steps were seen may vary.
      const { eventTypes } = await h.projection(id);
      expect(eventTypes.slice(0, 3)).toEqual(['CallScheduled', 'DialAttemptStarted', 'ProviderAccepted']);
      expect(eventTypes.at(-1)).toBe('CallCompleted');
      expect(eventTypes.filter((t) => t === 'DialAttemptStarted')).toHaveLength(1);
    });

    it('fails a call the provider rejects with 400, without retrying the POST', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.rejected });

      const state = await handle.result();
      expect(state).toMatchObject({ status: 'failed', attempt: 1, externalCallId: null, nextAttemptAt: null });
      expect(state.lastError).toMatch(/provider/i);
      expect(state.lastError).toMatch(/400/);
      expect(await h.projection(id)).toMatchObject({
        call: state,
        eventTypes: ['CallScheduled', 'DialAttemptStarted', 'CallFailed'],
      });
      // A second POST would have been answered normally and would have dialled.
      expect(h.dialed(NUMBER.rejected)).toEqual([]);
    });

    it('ends failed when the provider reports the call failed, and does not dial again', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.providerFails, maxAttempts: 3 });

      const state = await handle.result();
      expect(state).toMatchObject({ status: 'failed', attempt: 1, lastError: 'The provider reported the call failed' });
      const { eventTypes } = await h.projection(id);
      expect(eventTypes.at(-1)).toBe('CallFailed');
      expect(h.dialed(NUMBER.providerFails)).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, status: 'failed' })]);
    });
  });

  describe('when nobody answers', () => {
    it('dials again after no answer and completes on the second attempt', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.unansweredOnce, maxAttempts: 3, retryDelaySeconds: 1 });

      const waiting = await eventually(() => handle.query(callStateQuery), (s) => s.status === 'no_answer', 15_000);
      expect(waiting).toMatchObject({ attempt: 1, nextAttemptAt: expect.any(String) });
      // A query may answer from a workflow task the server then turns back (new events came meanwhile): its retry
      // takes the event at a later clock. What the projection and the event record is the task that counted.
      const projected = await eventually(() => h.calls.findById(id), (call) => call?.status === 'no_answer');
      expect(projected).toMatchObject({ attempt: 1, nextAttemptAt: expect.any(String) });

      const state = await handle.result();
      expect(state).toMatchObject({ status: 'completed', attempt: 2, nextAttemptAt: null });

      const events = await h.calls.findEvents(id);
      expect(events.map((e) => e.type)).toEqual([
        'CallScheduled',
        'DialAttemptStarted',
        'ProviderAccepted',
        'CallRinging',
        'CallUnanswered',
        ...ANSWERED_CALL.slice(1),
      ]);
      const unanswered = events[4]!;
      expect(unanswered).toMatchObject({ data: { outcome: 'no_answer', nextAttemptAt: projected!.nextAttemptAt } });
      const secondDial = events[5]!;
      expect(secondDial).toMatchObject({ data: { attempt: 2 } });
      const nextAttemptAt = Date.parse(projected!.nextAttemptAt!);
      expect(Date.parse(unanswered.occurredAt)).toBeLessThan(nextAttemptAt);
      expect(Date.parse(secondDial.occurredAt)).toBeGreaterThanOrEqual(nextAttemptAt);

      const dialed = h.dialed(NUMBER.unansweredOnce);
      expect(dialed.map((c) => [c.idempotencyKey, c.status, c.postCount])).toEqual([
        [`${id}:1`, 'no_answer', 1],
        [`${id}:2`, 'completed', 1],
      ]);
    });

    it('gives up busy once every attempt was busy', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.alwaysBusy, maxAttempts: 2, retryDelaySeconds: 1 });

      const state = await handle.result();
      expect(state).toMatchObject({ status: 'busy', attempt: 2, nextAttemptAt: null });
      const events = await h.calls.findEvents(id);
      const unanswered = events.filter((e) => e.type === 'CallUnanswered');
      expect(unanswered.map((e) => e.data)).toEqual([
        { outcome: 'busy', nextAttemptAt: expect.any(String) },
        { outcome: 'busy', nextAttemptAt: null },
      ]);
      expect(events.at(-1)?.type).toBe('CallUnanswered');
      expect(h.dialed(NUMBER.alwaysBusy).map((c) => c.idempotencyKey)).toEqual([`${id}:1`, `${id}:2`]);
      expect(await h.calls.findById(id)).toEqual(state);
    });
  });

  describe('cancelled by Temporal once the call is being dialled', () => {
    it('goes on dialling a call cancelled while the provider is being asked, and records how it ended', async () => {
      // The provider answers the first POST with 429 and Retry-After: 1, so the call stays `dialing` for a second.
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledWhileDialing });
      await eventually(() => handle.query(callStateQuery), (s) => s.status === 'dialing');

      await handle.cancel();

      expect(await handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect((await h.projection(id)).eventTypes).toEqual(ANSWERED_CALL);
      expect(h.dialed(NUMBER.cancelledWhileDialing)).toEqual([expect.objectContaining({ postCount: 2, status: 'completed' })]);
    });

    it('follows a call cancelled while it rings to its end, and never turns it into cancelled', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledWhileRinging });
      await eventually(() => handle.query(callStateQuery), (s) => s.status === 'ringing', 15_000);

      await handle.cancel();

      const state = await handle.result();
      expect(state).toMatchObject({ status: 'completed', attempt: 1 });
      expect(await h.projection(id)).toEqual({ call: state, eventTypes: ANSWERED_CALL, seqs: [1, 2, 3, 4, 5, 6] });
      expect(h.dialed(NUMBER.cancelledWhileRinging)).toEqual([expect.objectContaining({ status: 'completed' })]);
    });

    it('cancels a call whose attempt went unanswered while the cancel waited, and never dials it again', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledBeforeRetry, maxAttempts: 3, retryDelaySeconds: 1 });
      await eventually(() => handle.query(callStateQuery), (s) => s.status === 'ringing', 15_000);

      await handle.cancel();

      const error = await rejectionOf(handle.result());
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
      const { call, eventTypes } = await h.projection(id);
      expect(call).toMatchObject({ status: 'cancelled', attempt: 1, nextAttemptAt: null });
      expect(eventTypes.slice(-2)).toEqual(['CallUnanswered', 'CallCancelled']);
      await sleep(1_500);
      expect(h.dialed(NUMBER.cancelledBeforeRetry).map((c) => c.idempotencyKey)).toEqual([`${id}:1`]);
    });
  });

  describe('commands that arrive together', () => {
    it('takes a cancel and 31 reschedules sent at once in an order, and records exactly the ones it took', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.commandStorm, inMs: 10 * 60_000 });
      await h.untilSleeping(id);
      const times = Array.from({ length: 31 }, (_, i) => isoIn(20 * 60_000 + i * 1_000));

      const answers = await Promise.allSettled([
        ...times.map((scheduledAt) => handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt }] })),
        handle.executeUpdate(cancelUpdate, { args: [{ reason: 'storm' }] }),
      ]);

      const final = await handle.result();
      expect(final.status).toBe('cancelled');
      const taken = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      // Refused by the workflow once cancelled, or by Temporal once the workflow had closed.
      for (const refused of answers.filter((a) => a.status === 'rejected')) {
        if (refused.reason instanceof WorkflowNotFoundError) continue;
        expect(refused.reason).toBeInstanceOf(WorkflowUpdateFailedError);
        expect(refused.reason.cause).toMatchObject({ type: CallFailureType.NotPending });
      }
      const events = await h.calls.findEvents(id);
      expect(events.at(-1)).toMatchObject({ type: 'CallCancelled', data: { reason: 'storm' } });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const rescheduledTo = events.filter((e) => e.type === 'CallRescheduled').map((e) => (e.data as { scheduledAt: string }).scheduledAt);
      expect(rescheduledTo.sort()).toEqual(taken.filter((s) => s.status === 'scheduled').map((s) => s.scheduledAt).sort());
      expect(await h.calls.findById(id)).toEqual(final);
      expect(await handle.query(callStateQuery)).toEqual(final);
      expect(h.dialed(NUMBER.commandStorm)).toEqual([]);
    });

    it('dials once a call asked to start now at the moment it falls due', async () => {
      for (let trial = 0; trial < 5; trial++) {
        const { id, handle, input } = await h.startCall({ phoneNumber: NUMBER.startNowAtDueTime, inMs: 1_000 });
        await h.untilSleeping(id);
        await sleep(Date.parse(input.call.scheduledAt) - Date.now());

        const startNow = await handle.executeUpdate(startNowUpdate, { args: [{}] }).then(
          (state) => ({ taken: true, state }),
          (error: unknown) => ({ taken: false, error }),
        );

        const final = await handle.result();
        expect(final).toMatchObject({ status: 'completed', attempt: 1 });
        if (!startNow.taken) expect((startNow as { error: WorkflowUpdateFailedError }).error.cause).toMatchObject({ type: CallFailureType.NotPending });
        const { call, eventTypes } = await h.projection(id);
        expect(call).toEqual(final);
        expect(eventTypes).toEqual(startNow.taken ? ['CallScheduled', 'CallRescheduled', ...ANSWERED_CALL.slice(1)] : ANSWERED_CALL);
        expect(h.dialed(NUMBER.startNowAtDueTime).filter((c) => c.idempotencyKey.startsWith(id))).toHaveLength(1);
      }
    });

    it('takes a cancel and a start-now sent together in one order, and never dials a call whose cancel was taken', async () => {
      for (let trial = 0; trial < 5; trial++) {
        const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelOrStartNow, inMs: 60 * 60_000 });
        await h.untilSleeping(id);

        const [cancel, startNow] = await Promise.allSettled([
          handle.executeUpdate(cancelUpdate, { args: [{ reason: 'race' }] }),
          handle.executeUpdate(startNowUpdate, { args: [{}] }),
        ]);

        const final = await handle.result();
        const dials = h.dialed(NUMBER.cancelOrStartNow).filter((c) => c.idempotencyKey.startsWith(id));
        const { call, eventTypes } = await h.projection(id);
        expect(call).toEqual(final);
        if (cancel.status === 'fulfilled') {
          // A start-now taken first only moved the call: it was still waiting when the cancel came.
          expect(final.status).toBe('cancelled');
          expect(eventTypes).toEqual(startNow.status === 'fulfilled' ? ['CallScheduled', 'CallRescheduled', 'CallCancelled'] : ['CallScheduled', 'CallCancelled']);
          expect(dials).toEqual([]);
        } else {
          expect(startNow.status).toBe('fulfilled');
          expect(cancel.reason.cause).toMatchObject({ type: CallFailureType.NotPending, details: ['dialing'] });
          expect(final.status).toBe('completed');
          expect(dials).toHaveLength(1);
        }
      }
    });
  });
});

describe('the history of every call above', () => {
  it('replays from scratch on the workflow code that made it', async () => {
    const results = await h.replayEveryWorkflow();
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
  });
});
