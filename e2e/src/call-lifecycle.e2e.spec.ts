import type { CallDetailDto, CallDto } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from './support/eventually';
import { Stack } from './support/stack';

interface ProviderCall {
  to: string;
  idempotencyKey: string;
  postCount: number;
  status: string;
}

let stack: Stack;

beforeAll(async () => {
  stack = await Stack.start();
});

afterAll(async () => {
  await stack?.stop();
});

async function scheduleCall(phoneNumber: string, inMs: number): Promise<CallDto> {
  const response = await fetch(`${stack.apiUrl}/api/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phoneNumber, scheduledAt: new Date(Date.now() + inMs).toISOString() }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CallDto;
}

async function getCall(id: string): Promise<CallDetailDto> {
  return (await (await fetch(`${stack.apiUrl}/api/calls/${id}`)).json()) as CallDetailDto;
}

async function providerCalls(): Promise<ProviderCall[]> {
  const { items } = (await (await fetch(`${stack.providerUrl}/calls`)).json()) as { items: ProviderCall[] };
  return items;
}

function isFinished(call: CallDto): boolean {
  return ['completed', 'failed', 'cancelled', 'no_answer', 'busy'].includes(call.status) && call.nextAttemptAt === null;
}

describe('a call through the whole stack', () => {
  it('is placed at its scheduled time, once, and its every step is on record', async () => {
    const created = await scheduleCall('+14155550101', 3_000);
    expect(await getCall(created.id)).toMatchObject({ id: created.id, status: 'scheduled' });

    await sleep(1_500);
    expect((await getCall(created.id)).status).toBe('scheduled');
    expect((await providerCalls()).filter((c) => c.to === '+14155550101')).toHaveLength(0);

    const done = await eventually(() => getCall(created.id), isFinished);
    expect(done).toMatchObject({ status: 'completed', attempt: 1, lastError: null });
    expect(done.externalCallId).toEqual(expect.any(String));
    expect(done.events.map((e) => e.type)).toEqual([
      'CallScheduled',
      'DialAttemptStarted',
      'ProviderAccepted',
      'CallRinging',
      'CallAnswered',
      'CallCompleted',
    ]);
    expect(done.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Date.parse(done.events[1]!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(created.scheduledAt));

    const dialed = (await providerCalls()).filter((c) => c.to === '+14155550101');
    expect(dialed).toEqual([expect.objectContaining({ idempotencyKey: `${created.id}:1`, postCount: 1, status: 'completed' })]);
  });

  it('loses no pending call when the worker is killed and started again', async () => {
    const numbers = ['+14155550111', '+14155550112', '+14155550113', '+14155550114', '+14155550115'];
    await stack.worker.kill();
    const calls = await Promise.all(numbers.map((n) => scheduleCall(n, 2_000)));

    await sleep(3_000);
    for (const call of calls) expect((await getCall(call.id)).status).toBe('scheduled');

    stack.worker.start();
    const finished = await Promise.all(calls.map((call) => eventually(() => getCall(call.id), isFinished, 60_000)));
    expect(finished.map((call) => call.status)).toEqual(numbers.map(() => 'completed'));

    const dialed = (await providerCalls()).filter((c) => numbers.includes(c.to));
    expect(dialed).toHaveLength(numbers.length);
    expect(dialed.every((c) => c.postCount === 1)).toBe(true);
  });

  it('finishes a call that was mid-dial when the worker crashed, without dialing it twice', async () => {
    const created = await scheduleCall('+14155550121', 500);
    await eventually(() => getCall(created.id), (call) => call.status === 'ringing' || call.status === 'in_progress', 20_000);
    await stack.worker.kill();
    stack.worker.start();

    const done = await eventually(() => getCall(created.id), isFinished, 60_000);
    expect(done.status).toBe('completed');
    const dialed = (await providerCalls()).filter((c) => c.to === '+14155550121');
    expect(dialed).toHaveLength(1);
  });
});
