import { CALL_LIMITS, type CallDto } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, SECOND, eventually, fromNow, uniquePhoneNumber, withOffset } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(() => harness?.close());

/** A call that will not dial during the test unless a command makes it. */
function pendingCall(): Promise<CallDto> {
  return harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
}

async function completedCall(): Promise<CallDto> {
  const call = await harness.createCall({ phoneNumber: uniquePhoneNumber() });
  return harness.waitForStatus(call.id, 'completed');
}

async function cancelledCall(): Promise<CallDto> {
  const call = await pendingCall();
  const response = await harness.api().post(`/api/calls/${call.id}/cancel`);
  expect(response.status).toBe(200);
  return response.body as CallDto;
}

function expectNotPending(response: { status: number; body: unknown }, status: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status: 409,
    body: {
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringMatching(new RegExp(`\\b${status}\\b.*no longer pending`)),
    },
  });
}

describe('PATCH /api/calls/:id (reschedule)', () => {
  it('moves a pending call and answers 200 with the new time', async () => {
    const call = await pendingCall();
    const scheduledAt = fromNow(2 * HOUR);

    const response = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...call, scheduledAt, updatedAt: expect.any(String), version: 2 });
    expect((await harness.getCall(call.id)).scheduledAt).toBe(scheduledAt);
  });

  it('adds CallRescheduled to the timeline, naming the key that sent it', async () => {
    const call = await pendingCall();
    const scheduledAt = fromNow(3 * HOUR);

    await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt });
    const { events } = await eventually(() => harness.getCall(call.id), (detail) => detail.events.length >= 2);

    expect(events.map((event) => event.type)).toEqual(['CallScheduled', 'CallRescheduled']);
    const by = { kind: 'key', id: harness.account.keys.operator.id, name: 'operator-key' };
    expect(events[1]).toEqual({ seq: 2, type: 'CallRescheduled', data: { scheduledAt, startNow: false, by }, occurredAt: expect.any(String) });
  });

  it('moves the call to the instant a time with an offset names, and answers and records it in UTC', async () => {
    const call = await pendingCall();
    const instant = new Date(Date.now() + 2 * HOUR);
    instant.setUTCMilliseconds(250);

    const response = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: withOffset(instant, '-05:30') });

    expect(response.status).toBe(200);
    expect((response.body as CallDto).scheduledAt).toBe(instant.toISOString());
    const { events } = await eventually(() => harness.getCall(call.id), (detail) => detail.events.length >= 2);
    expect(events[1]).toMatchObject({ type: 'CallRescheduled', data: { scheduledAt: instant.toISOString() } });
  });

  it('dials at the new time when the call is moved earlier', async () => {
    const call = await pendingCall();

    await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: fromNow(SECOND) });

    const completed = await harness.waitForStatus(call.id, 'completed');
    expect(harness.dialsTo(call.phoneNumber)).toHaveLength(1);
    expect(completed.events.map((event) => event.type)).toEqual(expect.arrayContaining(['CallRescheduled', 'DialAttemptStarted', 'CallCompleted']));
  });

  it('answers 400 naming scheduledAt for a time in the past, and keeps the old time', async () => {
    const call = await pendingCall();

    const response = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: fromNow(-HOUR) });

    expectFieldError(response, 400, 'scheduledAt');
    expect(response.body.message).toContain('past');
    const after = await harness.getCall(call.id);
    expect(after.scheduledAt).toBe(call.scheduledAt);
    expect(after.events.map((event) => event.type)).not.toContain('CallRescheduled');
  });

  it('answers 409 saying the call is completed', async () => {
    const call = await completedCall();

    const response = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: fromNow(HOUR) });

    expectNotPending(response, 'completed');
    expect((await harness.getCall(call.id)).status).toBe('completed');
  });

  it('answers 409 saying the call is cancelled', async () => {
    const call = await cancelledCall();

    const response = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: fromNow(2 * HOUR) });

    expectNotPending(response, 'cancelled');
    expect(await harness.getCall(call.id)).toMatchObject({ status: 'cancelled', scheduledAt: call.scheduledAt });
  });

  it(`answers 409 once a call was rescheduled ${CALL_LIMITS.maxReschedules} times, and still cancels it`, async () => {
    const call = await pendingCall();
    for (let sent = 0; sent < CALL_LIMITS.maxReschedules; sent += 10) {
      const batch = Array.from({ length: 10 }, (_, i) => harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: fromNow(2 * HOUR + (sent + i) * SECOND) }));
      expect((await Promise.all(batch)).map((response) => response.status)).toEqual(Array(10).fill(200));
    }

    const oneMore = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: fromNow(3 * HOUR) });

    expect({ status: oneMore.status, message: (oneMore.body as { message: string }).message }).toEqual({
      status: 409,
      message: `The call was rescheduled ${CALL_LIMITS.maxReschedules} times, the most a call may be`,
    });
    expect((await harness.api().post(`/api/calls/${call.id}/cancel`)).status).toBe(200);
    const detail = await harness.getCall(call.id);
    expect(detail.events.filter((event) => event.type === 'CallRescheduled')).toHaveLength(CALL_LIMITS.maxReschedules);
    expect(detail.status).toBe('cancelled');
  }, 120_000);
});

describe('POST /api/calls/:id/start-now', () => {
  it('answers 200 and dials a call that was due in an hour at once, through to completed', async () => {
    const call = await pendingCall();

    const response = await harness.api().post(`/api/calls/${call.id}/start-now`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: call.id, status: expect.stringMatching(/^(scheduled|dialing|ringing|in_progress|completed)$/) });
    expect(Date.parse((response.body as CallDto).scheduledAt)).toBeLessThan(Date.parse(call.scheduledAt));
    const completed = await harness.waitForStatus(call.id, 'completed', 5_000);
    expect(completed.events[1]).toMatchObject({ type: 'CallRescheduled', data: { startNow: true } });
    expect(harness.dialsTo(call.phoneNumber)).toHaveLength(1);
  });

  it('answers 409 once the call has completed', async () => {
    const call = await completedCall();

    const response = await harness.api().post(`/api/calls/${call.id}/start-now`);

    expectNotPending(response, 'completed');
    expect(harness.dialsTo(call.phoneNumber)).toHaveLength(1);
  });

  it('answers 409 for a cancelled call, which is never dialled', async () => {
    const call = await cancelledCall();

    const response = await harness.api().post(`/api/calls/${call.id}/start-now`);

    expectNotPending(response, 'cancelled');
    expect(harness.dialsTo(call.phoneNumber)).toEqual([]);
  });
});

describe('POST /api/calls/:id/cancel', () => {
  it('answers 200 with status cancelled, and the provider never hears of the call', async () => {
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(1.5 * SECOND) });

    const response = await harness.api().post(`/api/calls/${call.id}/cancel`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...call, status: 'cancelled', updatedAt: expect.any(String), version: 2 });
    // Past the time it was due: a call that was only hidden, not cancelled, would have dialled by now.
    await sleep(2.5 * SECOND);
    const after = await harness.getCall(call.id);
    expect(after.status).toBe('cancelled');
    expect(after.events.map((event) => event.type)).toEqual(['CallScheduled', 'CallCancelled']);
    expect(harness.dialsTo(call.phoneNumber)).toEqual([]);
  });

  it('answers 409 to a second cancel', async () => {
    const call = await cancelledCall();

    const response = await harness.api().post(`/api/calls/${call.id}/cancel`);

    expectNotPending(response, 'cancelled');
  });

  it('answers 409 once the call has completed, and it stays completed', async () => {
    const call = await completedCall();

    const response = await harness.api().post(`/api/calls/${call.id}/cancel`);

    expectNotPending(response, 'completed');
    expect((await harness.getCall(call.id)).status).toBe('completed');
  });
});

describe('a call the provider is dialling', () => {
  it('answers 409 to reschedule, start-now and cancel, saying it is dialing', async () => {
    // The provider holds every new call queued for a while, so the call stays in `dialing`.
    harness.provider.setBehaviour({ timing: { queuedMs: 3_000 } });
    try {
      const created = await harness.createCall({ phoneNumber: uniquePhoneNumber() });
      await eventually(() => harness.getCall(created.id), (call) => call.status === 'dialing' && call.externalCallId !== null);

      const responses = await Promise.all([
        harness.api().patch(`/api/calls/${created.id}`).send({ scheduledAt: fromNow(HOUR) }),
        harness.api().post(`/api/calls/${created.id}/start-now`),
        harness.api().post(`/api/calls/${created.id}/cancel`),
      ]);

      for (const response of responses) expectNotPending(response, 'dialing');
      expect(harness.dialsTo(created.phoneNumber)).toHaveLength(1);
    } finally {
      harness.provider.setBehaviour({ timing: { queuedMs: 20 } });
    }
  });
});

describe('a call waiting to dial again after no answer', () => {
  /** A call the callee did not answer once, now waiting an hour for its second attempt. */
  async function waitingForRetry(): Promise<CallDto> {
    const phoneNumber = uniquePhoneNumber();
    harness.provider.setBehaviour({ outcomesByNumber: { [phoneNumber]: ['no_answer', 'completed'] } });
    const call = await harness.createCall({ phoneNumber, maxAttempts: 2, retryDelaySeconds: 3600 });
    return harness.waitForStatus(call.id, 'no_answer');
  }

  it('shows when the next attempt dials, and can be moved', async () => {
    const call = await waitingForRetry();
    const nextAttemptAt = fromNow(2 * HOUR);

    const response = await harness.api().patch(`/api/calls/${call.id}`).send({ scheduledAt: nextAttemptAt });

    expect(Date.parse(call.nextAttemptAt!)).toBeGreaterThan(Date.now() + HOUR - 60 * SECOND);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'no_answer', attempt: 1, nextAttemptAt, scheduledAt: call.scheduledAt });
  });

  it('dials the second attempt at once on start-now', async () => {
    const call = await waitingForRetry();

    const response = await harness.api().post(`/api/calls/${call.id}/start-now`);

    expect(response.status).toBe(200);
    const completed = await harness.waitForStatus(call.id, 'completed', 5_000);
    expect(completed).toMatchObject({ attempt: 2, nextAttemptAt: null });
    expect(harness.dialsTo(call.phoneNumber).map((dial) => dial.status)).toEqual(['no_answer', 'completed']);
  });

  it('is never dialled again once cancelled', async () => {
    const call = await waitingForRetry();

    const response = await harness.api().post(`/api/calls/${call.id}/cancel`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'cancelled', attempt: 1, nextAttemptAt: null });
    expect(harness.dialsTo(call.phoneNumber)).toHaveLength(1);
  });

  it('answers 409 once its last attempt went unanswered', async () => {
    const phoneNumber = uniquePhoneNumber();
    harness.provider.setBehaviour({ outcomesByNumber: { [phoneNumber]: 'no_answer' } });
    const created = await harness.createCall({ phoneNumber, maxAttempts: 1 });
    await harness.waitForStatus(created.id, 'no_answer');

    const responses = await Promise.all([
      harness.api().patch(`/api/calls/${created.id}`).send({ scheduledAt: fromNow(HOUR) }),
      harness.api().post(`/api/calls/${created.id}/start-now`),
      harness.api().post(`/api/calls/${created.id}/cancel`),
    ]);

    for (const response of responses) expectNotPending(response, 'no_answer');
    expect(harness.dialsTo(phoneNumber)).toHaveLength(1);
  });
});

describe('start-now and cancel sent together', () => {
  it('either cancels the call before any dial, or dials it and refuses the cancel', async () => {
    const calls = await Promise.all(Array.from({ length: 6 }, () => pendingCall()));

    const outcomes = await Promise.all(
      calls.map(async (call) => {
        const [startNow, cancel] = await Promise.all([
          harness.api().post(`/api/calls/${call.id}/start-now`),
          harness.api().post(`/api/calls/${call.id}/cancel`),
        ]);
        return { call, startNow: startNow.status, cancel: cancel.status };
      }),
    );
    // Give a dial that should not have happened the time to happen.
    await sleep(SECOND);

    for (const { call, startNow, cancel } of outcomes) {
      const final = await harness.getCall(call.id);
      const observed = { startNow, cancel, status: final.status, dials: harness.dialsTo(call.phoneNumber).length };
      if (cancel === 200) expect(observed).toEqual({ startNow: expect.any(Number), cancel: 200, status: 'cancelled', dials: 0 });
      else expect(observed).toEqual({ startNow: 200, cancel: 409, status: expect.stringMatching(/^(dialing|ringing|in_progress|completed)$/), dials: 1 });
    }
  });
});
