import type { CallDetailDto, CallDto } from '@call-scheduler/shared';
import { callStateQuery, workflowIdForCall } from '@call-scheduler/shared/workflow';
import { Client } from '@temporalio/client';
import type { Response } from 'supertest';
import { ApiHarness, HOUR, SECOND, eventually, fromNow, uniquePhoneNumber } from './api-harness';

/*
 * Issue 7: commands sent at once to one call used to leave the projection showing a state the
 * workflow never had, and a timeline holding commands that were refused and missing some that were
 * taken. Each trial here sends a storm to one call, then holds the API's view of the call against
 * the workflow's own (a query, which a worker answers by replaying the whole history).
 */

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(() => harness?.close());

interface Sent {
  scheduledAt?: string;
  response: Response;
}

function reschedule(call: CallDto, scheduledAt: string): Promise<Sent> {
  return harness
    .api()
    .patch(`/api/calls/${call.id}`)
    .send({ scheduledAt })
    .then((response) => ({ scheduledAt, response }));
}

function cancel(call: CallDto): Promise<Sent> {
  return harness
    .api()
    .post(`/api/calls/${call.id}/cancel`)
    .then((response) => ({ response }));
}

/** Distinct times, a second apart, from `from` on. */
function times(count: number, from: number): string[] {
  return Array.from({ length: count }, (_, i) => fromNow(from + i * SECOND));
}

/** The workflow's own view of the call, in the API's terms. */
async function workflowView(call: CallDto): Promise<Partial<CallDto>> {
  const state = await harness.app.get(Client).workflow.getHandle(workflowIdForCall(call.id)).query(callStateQuery);
  return state;
}

/** The call as the API shows it once every change the workflow made is projected. */
async function settled(call: CallDto): Promise<CallDetailDto> {
  const expected = await workflowView(call);
  return eventually(() => harness.getCall(call.id), (detail) => detail.version === expected.version);
}

function rescheduledTo(detail: CallDetailDto): string[] {
  return detail.events.filter((event) => event.type === 'CallRescheduled').map((event) => String(event.data.scheduledAt));
}

function taken(sent: Sent[]): string[] {
  return sent.filter((s) => s.response.status === 200).map((s) => s.scheduledAt!);
}

function expectOnlyAnswered(sent: Sent[], statuses: number[]): void {
  const unexpected = sent.filter((s) => !statuses.includes(s.response.status)).map((s) => ({ status: s.response.status, body: s.response.body as unknown }));
  expect(unexpected).toEqual([]);
}

describe('31 reschedules and a cancel sent at once to one call', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('trial %i: the API shows what the workflow did, and its timeline the commands it took', async () => {
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(10 * 60 * SECOND) });
    const reschedules = times(31, 20 * 60 * SECOND);

    const sent = await Promise.all([...reschedules.map((at) => reschedule(call, at)), cancel(call)]);

    expectOnlyAnswered(sent, [200, 409]);
    const cancelled = sent.at(-1)!.response;
    expect(cancelled.status).toBe(200);
    const detail = await settled(call);
    expect(detail).toMatchObject(await workflowView(call));
    expect(detail).toMatchObject({ status: 'cancelled', nextAttemptAt: null });
    expect(rescheduledTo(detail).sort()).toEqual(taken(sent.slice(0, -1)).sort());
    expect(detail.events.at(-1)).toMatchObject({ type: 'CallCancelled' });
    expect(detail.events.map((event) => event.seq)).toEqual(detail.events.map((_, i) => i + 1));
    const listed = await harness.api().get('/api/calls').query({ status: 'scheduled', limit: 200 });
    expect((listed.body as { items: CallDto[] }).items.map((item) => item.id)).not.toContain(call.id);
    expect(harness.dialsTo(call.phoneNumber)).toEqual([]);
  });
});

describe('50 reschedules sent at once to one call', () => {
  it.each(Array.from({ length: 8 }, (_, i) => i + 1))('storm %i: every one is taken, once, and the call keeps one of their times', async () => {
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
    const reschedules = times(50, 2 * HOUR);

    const sent = await Promise.all(reschedules.map((at) => reschedule(call, at)));

    expectOnlyAnswered(sent, [200]);
    const detail = await settled(call);
    expect(detail).toMatchObject(await workflowView(call));
    expect(rescheduledTo(detail).sort()).toEqual([...reschedules].sort());
    expect(detail.scheduledAt).toBe(rescheduledTo(detail).at(-1));
    expect(detail.events.map((event) => event.seq)).toEqual(detail.events.map((_, i) => i + 1));
  });
});
