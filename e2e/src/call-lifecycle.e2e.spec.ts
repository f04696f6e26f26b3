import { isTerminal } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from './support/eventually';
import { Stack } from './support/stack';
import { StackClient } from './support/stack-client';

/**
 * Steps long enough for the follow-up to see each one, even when it starts late on a machine that other
 * suites keep busy: a fresh-clone CI run missed the stack's 300 ms ringing.
 */
const EVERY_STEP_SEEN = { queuedMs: 500, ringingMs: 1_000, talkMs: 500 };

let stack: Stack;
let client: StackClient;

beforeAll(async () => {
  stack = await Stack.start({ providerBehaviour: { timing: EVERY_STEP_SEEN } });
  client = new StackClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

describe('a call through the whole stack', () => {
  it('is placed at its scheduled time, once, and its every step is on record', async () => {
    const created = await client.scheduleCall('+14155550101', 3_000);
    expect(await client.getCall(created.id)).toMatchObject({ id: created.id, status: 'scheduled' });

    await sleep(1_500);
    expect((await client.getCall(created.id)).status).toBe('scheduled');
    expect(await client.providerCallsTo('+14155550101')).toHaveLength(0);

    const done = await eventually(() => client.getCall(created.id), isTerminal);
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

    const dialed = await client.providerCallsTo('+14155550101');
    expect(dialed).toEqual([expect.objectContaining({ idempotencyKey: `${created.id}:1`, postCount: 1, status: 'completed' })]);
  });

  it('loses no pending call when the worker is killed and started again', async () => {
    const numbers = ['+14155550111', '+14155550112', '+14155550113', '+14155550114', '+14155550115'];
    await stack.worker.kill();
    const calls = await Promise.all(numbers.map((n) => client.scheduleCall(n, 2_000)));

    await sleep(3_000);
    for (const call of calls) expect((await client.getCall(call.id)).status).toBe('scheduled');

    stack.worker.start();
    const finished = await Promise.all(calls.map((call) => eventually(() => client.getCall(call.id), isTerminal, 60_000)));
    expect(finished.map((call) => call.status)).toEqual(numbers.map(() => 'completed'));

    const dialed = await client.providerCallsTo(...numbers);
    expect(dialed).toHaveLength(numbers.length);
    expect(dialed.every((c) => c.postCount === 1)).toBe(true);
  });

  it('finishes a call that was mid-dial when the worker crashed, without dialing it twice', async () => {
    const created = await client.scheduleCall('+14155550121', 500);
    await eventually(() => client.getCall(created.id), (call) => call.status === 'ringing' || call.status === 'in_progress', 20_000);
    await stack.worker.kill();
    stack.worker.start();

    const done = await eventually(() => client.getCall(created.id), isTerminal, 60_000);
    expect(done.status).toBe('completed');
    const dialed = await client.providerCallsTo('+14155550121');
    expect(dialed).toHaveLength(1);
  });
});
