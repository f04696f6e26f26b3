import { callStateQuery, cancelUpdate, rescheduleUpdate, startNowUpdate, type CallState, type CallingWindow, type RecordedCallEvent } from '@call-scheduler/shared/workflow';
import { SkippedClock, startTimeSkippingTemporal } from '@call-scheduler/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { CallHarness, bundleWorkflows, installQuietRuntime } from './support/call-harness';
import { eventually } from './support/eventually';

/**
 * Calls that wait days for their calling window, on Temporal's test server, which skips the days. A held
 * dial is made by the server's clock (SkippedClock), so the dial itself runs as it does in production.
 */

const CHICAGO = 'America/Chicago';
const OFFICE_HOURS: CallingWindow = { timeZone: CHICAGO, days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '21:00' };
const NUMBER = {
  weekend: '+13125550601',
  retriedAtClosing: '+13125550602',
  expiresWaiting: '+13125550603',
  expiresOnRetry: '+13125550604',
  startedNow: '+13125550605',
  movedWhileWaiting: '+13125550606',
};

let env: TestWorkflowEnvironment;
let clock: SkippedClock;
let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  env = await startTimeSkippingTemporal();
  clock = await SkippedClock.of(env);
  h = await CallHarness.start({ workflowBundle: await bundleWorkflows(), behaviour: {}, temporalAddress: env.address, clock: clock.now });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await env?.teardown();
});

/** The next given weekday (1 = Monday) at a local time in Chicago, a day or more after the server's now. */
function nextInChicago(weekday: number, hour: number, minute = 0): DateTime {
  let day = DateTime.fromMillis(clock.now(), { zone: CHICAGO }).plus({ days: 1 }).set({ hour, minute, second: 0, millisecond: 0 });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day;
}

function iso(at: DateTime): string {
  return at.toUTC().toISO()!;
}

async function timeline(callId: string): Promise<RecordedCallEvent[]> {
  return h.calls.findEvents(callId);
}

function untilProjection(callId: string, done: (call: CallState) => boolean): Promise<CallState> {
  return eventually(() => h.calls.findById(callId), (call) => call !== null && done(call), 30_000) as Promise<CallState>;
}

describe('a call outside its calling window', () => {
  it("waits from Saturday to Monday 08:00 on the callee's clock, then dials at the opening", async () => {
    const saturday = nextInChicago(6, 12);
    const monday = saturday.plus({ days: 2 }).set({ hour: 8 });
    const { id } = await h.startCall({ phoneNumber: NUMBER.weekend, at: saturday.toMillis(), window: OFFICE_HOURS });

    const waiting = await untilProjection(id, (call) => call.windowOpensAt !== null);
    expect(waiting).toMatchObject({ status: 'scheduled', windowOpensAt: iso(monday), window: OFFICE_HOURS });
    expect((await timeline(id)).map((e) => e.type)).toEqual(['CallScheduled', 'CallWaitingForWindow']);
    expect((await timeline(id))[1]?.data).toEqual({ opensAt: iso(monday), timeZone: CHICAGO, localTime: '08:00' });

    await clock.skipTo(monday.toMillis() - 10_000);
    expect(h.dialed(NUMBER.weekend)).toHaveLength(0);
    expect(await h.calls.findById(id)).toMatchObject({ status: 'scheduled', attempt: 0 });

    const completed = await untilProjection(id, (call) => call.status === 'completed');
    expect(completed).toMatchObject({ attempt: 1, windowOpensAt: null });
    const dialled = (await timeline(id)).find((e) => e.type === 'DialAttemptStarted')!;
    expect(Date.parse(dialled.occurredAt)).toBeGreaterThanOrEqual(monday.toMillis());
  });

  it('waits for the next morning when a retry after no answer falls past the closing time', async () => {
    h.provider.setBehaviour({ outcomesByNumber: { [NUMBER.retriedAtClosing]: ['no_answer', 'completed'] } });
    const tuesdayClose = nextInChicago(2, 21);
    const { id } = await h.startCall({
      phoneNumber: NUMBER.retriedAtClosing,
      at: tuesdayClose.minus({ seconds: 30 }).toMillis(),
      window: OFFICE_HOURS,
      retryDelaySeconds: 60,
    });
    await untilProjection(id, (call) => call.status === 'scheduled' && call.version >= 1);
    await clock.skipTo(tuesdayClose.toMillis() - 35_000);

    const waiting = await untilProjection(id, (call) => call.windowOpensAt !== null);
    const wednesday = tuesdayClose.plus({ days: 1 }).set({ hour: 8 });
    expect(waiting).toMatchObject({ status: 'no_answer', attempt: 1, windowOpensAt: iso(wednesday) });

    await clock.skipTo(wednesday.toMillis() - 10_000);
    expect(h.dialed(NUMBER.retriedAtClosing)).toHaveLength(1);
    await untilProjection(id, (call) => call.status === 'completed');
    expect(h.dialed(NUMBER.retriedAtClosing)).toHaveLength(2);
  });

  it('starts now only with overrideWindow, which its timeline records; without it, it keeps waiting', async () => {
    const fridayNight = nextInChicago(5, 22);
    await clock.skipTo(fridayNight.toMillis());
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.startedNow, at: fridayNight.plus({ hours: 14 }).toMillis(), window: OFFICE_HOURS });
    const waiting = await untilProjection(id, (call) => call.windowOpensAt !== null);
    expect(waiting.windowOpensAt).toBe(iso(fridayNight.plus({ days: 3 }).set({ hour: 8 })));

    const startedNow = await handle.executeUpdate(startNowUpdate, { args: [{}] });
    expect(startedNow).toMatchObject({ windowOpensAt: null, windowOverridden: false });
    const rewaiting = await eventually(() => handle.query(callStateQuery), (state) => state.windowOpensAt !== null);
    expect(rewaiting).toMatchObject({ status: 'scheduled', windowOpensAt: waiting.windowOpensAt });
    expect(h.dialed(NUMBER.startedNow)).toHaveLength(0);

    await handle.executeUpdate(startNowUpdate, { args: [{ overrideWindow: true }] });
    await untilProjection(id, (call) => call.status === 'completed');
    const events = await timeline(id);
    expect(events.filter((e) => e.type === 'CallRescheduled').map((e) => e.data)).toEqual([
      { scheduledAt: expect.any(String), startNow: true },
      { scheduledAt: expect.any(String), startNow: true, overrideWindow: true },
    ]);
    expect(h.dialed(NUMBER.startedNow)).toHaveLength(1);
  });
});

describe('a call waiting for its calling window', () => {
  it('is rescheduled, waiting again only when the new time is outside the window, and cancelled', async () => {
    const saturday = nextInChicago(6, 12);
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.movedWhileWaiting, at: saturday.toMillis(), window: OFFICE_HOURS });
    await untilProjection(id, (call) => call.windowOpensAt !== null);

    const sunday = saturday.plus({ days: 1 });
    expect(await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: iso(sunday) }] })).toMatchObject({ scheduledAt: iso(sunday), windowOpensAt: null });
    const rewaiting = await eventually(() => handle.query(callStateQuery), (state) => state.windowOpensAt !== null);
    expect(rewaiting.windowOpensAt).toBe(iso(saturday.plus({ days: 2 }).set({ hour: 8 })));

    const tuesday = saturday.plus({ days: 3 }).set({ hour: 10 });
    await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: iso(tuesday) }] });
    const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'No longer needed' }] });

    expect(cancelled).toMatchObject({ status: 'cancelled', windowOpensAt: null });
    await handle.result();
    expect((await timeline(id)).map((e) => e.type)).toEqual([
      'CallScheduled',
      'CallWaitingForWindow',
      'CallRescheduled',
      'CallWaitingForWindow',
      'CallRescheduled',
      'CallCancelled',
    ]);
    expect(h.dialed(NUMBER.movedWhileWaiting)).toHaveLength(0);
  });
});

describe('a call with a deadline', () => {
  it('expires at once, without dialling, when its window opens only after the deadline', async () => {
    const saturday = nextInChicago(6, 12);
    const sunday = saturday.plus({ days: 1 });
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.expiresWaiting, at: saturday.toMillis(), window: OFFICE_HOURS, latestAt: iso(sunday) });

    const expired = await handle.result();
    expect(expired).toMatchObject({ status: 'expired', attempt: 0 });
    expect(expired.lastError).toBe(`Its calling window opens at ${iso(saturday.plus({ days: 2 }).set({ hour: 8 }))}, after its deadline ${iso(sunday)}`);
    expect((await timeline(id)).map((e) => e.type)).toEqual(['CallScheduled', 'CallWaitingForWindow', 'CallExpired']);
    expect(h.dialed(NUMBER.expiresWaiting)).toHaveLength(0);
  });

  it('makes no retry that would fall after the deadline', async () => {
    h.provider.setBehaviour({ outcomesByNumber: { [NUMBER.expiresOnRetry]: ['busy', 'completed'] } });
    const at = clock.now() + 2_000;
    const latestAt = new Date(at + 60_000).toISOString();
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.expiresOnRetry, at, latestAt, retryDelaySeconds: 3_600 });

    const expired = await handle.result();
    expect(expired).toMatchObject({ status: 'expired', attempt: 1 });
    expect(expired.lastError).toMatch(new RegExp(`^Its next attempt, due .+, would fall after its deadline ${latestAt}$`));
    expect((await timeline(id)).map((e) => e.type).slice(-2)).toEqual(['CallUnanswered', 'CallExpired']);
    expect(h.dialed(NUMBER.expiresOnRetry)).toHaveLength(1);
  });
});
