import type { CallDetailDto, CallDto } from '@call-scheduler/shared';
import { workflowIdForCall } from '@call-scheduler/shared/workflow';
import { testTemporalAddress } from '@call-scheduler/testing';
import { Client, Connection } from '@temporalio/client';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from './support/eventually';
import { Stack } from './support/stack';
import { StackClient } from './support/stack-client';

const CALLS = 50;
const DIALS_PER_HOUR = 7;
const TIMEOUT_MS = 180_000;

let stack: Stack;
let client: StackClient;
let temporal: Connection;

beforeAll(async () => {
  stack = await Stack.start();
  stack.startAnotherWorker();
  client = new StackClient(stack);
  temporal = await Connection.connect({ address: testTemporalAddress() });
}, TIMEOUT_MS);

afterAll(async () => {
  await temporal?.close();
  await stack?.stop();
});

const phoneNumber = (i: number) => `+1415555${String(6000 + i)}`;

async function setLimits(adminKey: string): Promise<void> {
  const response = await fetch(`${stack.apiUrl}/api/account/limits`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dialsPerHour: DIALS_PER_HOUR, dialsPerDay: 1_000, maxConcurrentCalls: 1_000 }),
  });
  expect(response.status).toBe(200);
}

/** The workers (`<pid>@<host>`) that ran a call's reserveDial activities. */
async function reservedBy(workflows: Client, call: CallDto): Promise<string[]> {
  const events = (await workflows.workflow.getHandle(workflowIdForCall(call.id)).fetchHistory()).events ?? [];
  const reserveIds = new Set(
    events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'reserveDial').map((event) => String(event.eventId)),
  );
  return events.flatMap((event) => {
    const started = event.activityTaskStartedEventAttributes;
    return started && reserveIds.has(String(started.scheduledEventId)) ? [started.identity ?? ''] : [];
  });
}

describe('the spend cap, with two worker processes', () => {
  it(`lets exactly ${DIALS_PER_HOUR} of ${CALLS} calls started at once dial; the others wait, held, and can still be cancelled`, async () => {
    const adminKey = await stack.accounts.createKey(await stack.accounts.accountId('Default'), 'e2e-admin', 'admin');
    await setLimits(adminKey);
    const calls = await Promise.all(Array.from({ length: CALLS }, (_, i) => client.scheduleCall(phoneNumber(i), 60 * 60_000)));

    const answers = await Promise.all(calls.map((call) => client.startNow(call.id)));
    const settled = await eventually(
      () => Promise.all(calls.map((call) => client.getCall(call.id))),
      (details) => details.filter((call) => call.dialHold !== null).length === CALLS - DIALS_PER_HOUR && details.filter((call) => call.attempt === 1).length === DIALS_PER_HOUR,
      TIMEOUT_MS / 2,
    );
    // Held calls look again now and then: give them time to dial if the cap were not holding.
    await sleep(8_000);
    const dials = await client.providerCallsTo(...calls.map((_, i) => phoneNumber(i)));
    const held = settled.filter((call) => call.dialHold !== null);
    const cancelled = await client.api(`/api/calls/${held[0]!.id}/cancel`, { method: 'POST' });
    const workflows = new Client({ connection: temporal });
    const workers = new Set((await Promise.all(calls.map((call) => reservedBy(workflows, call)))).flat());

    expect(answers).toHaveLength(CALLS);
    expect(dials).toHaveLength(DIALS_PER_HOUR);
    expect(held).toHaveLength(CALLS - DIALS_PER_HOUR);
    for (const call of held) {
      expect(call.status).toBe('scheduled');
      expect(call.dialHold).toEqual({ limit: 'hourly', reason: expect.stringContaining(`${DIALS_PER_HOUR} dials per hour`), retryAt: expect.any(String) });
      expect(call.events.filter((event) => event.type === 'DialHeldByLimit')).toHaveLength(1);
    }
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as CallDetailDto).status).toBe('cancelled');
    expect(await client.providerCallsTo(...calls.map((_, i) => phoneNumber(i)))).toHaveLength(DIALS_PER_HOUR);
    expect(workers.size).toBe(2);
    for (const worker of workers) expect(worker).toMatch(new RegExp(`^\\d+@${hostname()}$`));
  }, TIMEOUT_MS);
});
