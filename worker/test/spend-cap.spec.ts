import {
  callStateQuery,
  cancelUpdate,
  rescheduleUpdate,
  startNowUpdate,
  type CallEventType,
  type CallState,
  type DialLimits,
  type RecordedCallEvent,
} from '@call-scheduler/shared/workflow';
import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallHarness, ROOMY_LIMITS, TEST_DIAL_LEAD_MS, TEST_TIMING, bundleWorkflows, installQuietRuntime, type StartedCall } from './support/call-harness';
import { eventually, rejectionOf } from './support/eventually';
import type { WorkerProcess } from './support/worker-process';

const NUMBER = {
  first: '+14155550501',
  waitsForRoom: '+14155550502',
  cancelledWhileHeld: '+14155550503',
  cancelledByTemporalWhileHeld: '+14155550504',
  movedWhileHeld: '+14155550505',
  storm: '+14155550506',
  noAccount: '+14155550507',
};

/** Long enough a call that a call held behind it asks for room again, in vain, before it ends. */
const TIMING = { ...TEST_TIMING, talkMs: 6_000 };
const HOUR_MS = 60 * 60_000;
const DIALLED_AND_ANSWERED: CallEventType[] = ['DialAttemptStarted', 'ProviderAccepted', 'CallRinging', 'CallAnswered', 'CallCompleted'];

let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  h = await CallHarness.start({ workflowBundle: await bundleWorkflows(), behaviour: { timing: TIMING } });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

function account(limits: Partial<DialLimits>): Promise<string> {
  return h.createAccount({ ...ROOMY_LIMITS, ...limits });
}

async function eventsOf(callId: string): Promise<RecordedCallEvent[]> {
  return h.calls.findEvents(callId);
}

/** Waits until the projection shows the call due and held back, as the API would serve it. */
function untilHeld(callId: string, timeoutMs = 15_000): Promise<CallState> {
  return eventually(() => h.calls.findById(callId), (call) => call?.dialHold != null, timeoutMs) as Promise<CallState>;
}

/** The call being dialled: its first dial's reservation is made and the provider has it. */
function untilDialling({ handle }: StartedCall): Promise<CallState> {
  return eventually(() => handle.query(callStateQuery), (state) => state.attempt === 1);
}

function dialsOf(calls: { id: string }[]) {
  const ids = new Set(calls.map((call) => call.id));
  return h.provider.calls().filter((dial) => ids.has(dial.idempotencyKey.split(':')[0]!));
}

describe('an account spend cap, enforced when each call is dialled', () => {
  it('holds a due call while the calls in progress fill the limit, then dials it once one ends', async () => {
    const accountId = await account({ maxConcurrentCalls: 1 });
    const first = await h.startCall({ phoneNumber: NUMBER.first, accountId });
    await untilDialling(first);

    const second = await h.startCall({ phoneNumber: NUMBER.waitsForRoom, accountId });
    const held = await untilHeld(second.id);

    expect(held).toMatchObject({
      status: 'scheduled',
      attempt: 0,
      dialHold: {
        limit: 'concurrent',
        reason: "The account's limit of 1 call in progress at once is reached; room again when one of them ends",
        retryAt: null,
      },
    });
    expect(h.dialed(NUMBER.waitsForRoom)).toEqual([]);

    const [firstDone, secondDone] = await Promise.all([first.handle.result(), second.handle.result()]);
    expect(firstDone.status).toBe('completed');
    expect(secondDone).toMatchObject({ status: 'completed', attempt: 1, dialHold: null });
    const events = await eventsOf(second.id);
    // Asked again while the first call still talked, and again once it had ended: the hold is recorded once.
    expect(events.map((e) => e.type)).toEqual(['CallScheduled', 'DialHeldByLimit', ...DIALLED_AND_ANSWERED]);
    expect(events[1]).toMatchObject({ data: held.dialHold! });
    const firstEnded = (await eventsOf(first.id)).find((e) => e.type === 'CallCompleted')!;
    const secondDialled = events.find((e) => e.type === 'DialAttemptStarted')!;
    expect(Date.parse(secondDialled.occurredAt)).toBeGreaterThan(Date.parse(firstEnded.occurredAt));
    expect(h.dialed(NUMBER.waitsForRoom)).toEqual([expect.objectContaining({ idempotencyKey: `${second.id}:1`, postCount: 1 })]);
    expect(await h.calls.findById(second.id)).toEqual(secondDone);
  }, 60_000);

  it('fails a call whose account does not exist, without dialling it', async () => {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.noAccount, accountId: randomUUID() });

    const failed = await eventually(() => handle.query(callStateQuery), (state) => state.status === 'failed');

    expect(failed).toMatchObject({ attempt: 0, lastError: expect.stringMatching(/^Could not reserve the dial in the account's spend cap: No account /) });
    expect(h.dialed(NUMBER.noAccount)).toEqual([]);
    // Its events cannot be written either (calls.account_id references accounts), so the run never ends by itself.
    await handle.terminate('the call has no account');
  });

  describe('with the hour used up', () => {
    let accountId: string;
    let firstDialAt: number;

    beforeAll(async () => {
      accountId = await account({ dialsPerHour: 1 });
      const first = await h.startCall({ phoneNumber: NUMBER.first, accountId });
      const events = await eventually(() => eventsOf(first.id), (recorded) => recorded.some((e) => e.type === 'DialAttemptStarted'));
      firstDialAt = Date.parse(events.find((e) => e.type === 'DialAttemptStarted')!.occurredAt);
    });

    it('holds a due call until the first dial of the hour is an hour old, and says when that is', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledWhileHeld, accountId });

      const held = await untilHeld(id);

      expect(held).toMatchObject({
        status: 'scheduled',
        dialHold: { limit: 'hourly', reason: expect.stringMatching(/^The account's limit of 1 dial per hour is reached; room again at \d\d:\d\d UTC$/) },
      });
      // The reservation was made just before the first call's DialAttemptStarted.
      const retryAt = Date.parse(held.dialHold!.retryAt!);
      expect(retryAt).toBeGreaterThan(firstDialAt + HOUR_MS - 5_000);
      expect(retryAt).toBeLessThanOrEqual(firstDialAt + HOUR_MS);
      expect(await handle.query(callStateQuery)).toMatchObject({ dialHold: held.dialHold });

      const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'no room today' }] });

      expect(cancelled).toMatchObject({ status: 'cancelled', dialHold: null });
      expect(await handle.result()).toEqual(cancelled);
      expect((await eventsOf(id)).map((e) => e.type)).toEqual(['CallScheduled', 'DialHeldByLimit', 'CallCancelled']);
      expect(await h.calls.findById(id)).toEqual(cancelled);
      expect(h.dialed(NUMBER.cancelledWhileHeld)).toEqual([]);
    });

    it('cancels a held call whose workflow Temporal cancels, and never dials it', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.cancelledByTemporalWhileHeld, accountId });
      await untilHeld(id);

      await handle.cancel();

      const error = await rejectionOf(handle.result());
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
      expect(await h.projection(id)).toMatchObject({
        call: { status: 'cancelled', attempt: 0, dialHold: null },
        eventTypes: ['CallScheduled', 'DialHeldByLimit', 'CallCancelled'],
      });
      expect(h.dialed(NUMBER.cancelledByTemporalWhileHeld)).toEqual([]);
    });

    it('lifts the hold of a call moved later, and holds it again when it falls due (a dial lead early)', async () => {
      const { id, handle } = await h.startCall({ phoneNumber: NUMBER.movedWhileHeld, accountId });
      await untilHeld(id);
      const newTime = new Date(Date.now() + 2_500).toISOString();

      const moved = await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: newTime }] });

      expect(moved).toMatchObject({ status: 'scheduled', scheduledAt: newTime, dialHold: null });
      const heldAgain = await eventually(() => eventsOf(id), (events) => events.length === 4);
      expect(heldAgain.map((e) => e.type)).toEqual(['CallScheduled', 'DialHeldByLimit', 'CallRescheduled', 'DialHeldByLimit']);
      expect(Date.parse(heldAgain[3]!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(newTime) - TEST_DIAL_LEAD_MS);
      await handle.executeUpdate(cancelUpdate, { args: [{}] });
      await handle.result();
      expect(h.dialed(NUMBER.movedWhileHeld)).toEqual([]);
    });
  });

  describe('under 50 start-now requests at once, on two worker processes', () => {
    const DIALS_PER_HOUR = 7;
    let other: WorkerProcess;

    beforeAll(async () => {
      other = await h.startWorkerProcess();
    }, 120_000);

    /** Who ran each reservation: the identity of the worker that started each reserveDial activity. */
    function reservedBy(history: History): string[] {
      const reserveIds = new Set(
        (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'reserveDial').map((e) => String(e.eventId)),
      );
      return (history.events ?? []).flatMap((e) => {
        const started = e.activityTaskStartedEventAttributes;
        return started && reserveIds.has(String(started.scheduledEventId)) ? [started.identity ?? ''] : [];
      });
    }

    it(`dials exactly ${DIALS_PER_HOUR} of them, and holds the others with the reason`, async () => {
      const accountId = await account({ dialsPerHour: DIALS_PER_HOUR });
      const calls = await Promise.all(Array.from({ length: 50 }, () => h.startCall({ phoneNumber: NUMBER.storm, accountId, inMs: HOUR_MS })));
      await eventually(() => h.calls.findByIds(calls.map((c) => c.id)), (rows) => rows.filter((row) => row.version >= 1).length === 50, 30_000);

      await Promise.all(calls.map(({ handle }) => handle.executeUpdate(startNowUpdate, { args: [{}] })));

      const settled = await eventually(
        () => h.calls.findByIds(calls.map((c) => c.id)),
        (rows) => rows.filter((row) => row.attempt === 1).length + rows.filter((row) => row.dialHold !== null).length === 50,
        60_000,
      );
      const held = settled.filter((row) => row.dialHold !== null);
      expect(settled.filter((row) => row.attempt === 1)).toHaveLength(DIALS_PER_HOUR);
      expect(held).toHaveLength(50 - DIALS_PER_HOUR);
      for (const row of held) {
        expect(row).toMatchObject({ status: 'scheduled', attempt: 0, dialHold: { limit: 'hourly', reason: expect.stringContaining('limit of 7 dials per hour') } });
      }
      expect(new Set(held.map((row) => row.dialHold!.retryAt)).size).toBe(1);
      expect(dialsOf(calls)).toHaveLength(DIALS_PER_HOUR);

      // Both workers took part: each made some of the reservations.
      const histories = await Promise.all(calls.map(({ handle }) => handle.fetchHistory()));
      const reservers = new Set(histories.flatMap(reservedBy));
      expect(reservers).toEqual(new Set([`${process.pid}@${hostname()}`, other.identity]));

      await sleep(2_000);
      expect(dialsOf(calls)).toHaveLength(DIALS_PER_HOUR);

      // The held calls still take a cancel, and each recorded its hold once.
      const heldCalls = calls.filter((call) => held.some((row) => row.id === call.id));
      await Promise.all(heldCalls.map(({ handle }) => handle.executeUpdate(cancelUpdate, { args: [{ reason: 'over the cap' }] })));
      for (const { id, handle } of heldCalls) {
        expect(await handle.result()).toMatchObject({ status: 'cancelled', attempt: 0 });
        expect((await eventsOf(id)).map((e) => e.type)).toEqual(['CallScheduled', 'CallRescheduled', 'DialHeldByLimit', 'CallCancelled']);
      }
      const dialled = calls.filter((call) => !heldCalls.includes(call));
      for (const { handle } of dialled) expect(await handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
      expect(dialsOf(calls)).toHaveLength(DIALS_PER_HOUR);
    }, 180_000);
  });
});

describe('the history of every call above', () => {
  it('replays from scratch on the workflow code that made it', async () => {
    const results = await h.replayEveryWorkflow();
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
  });
});
