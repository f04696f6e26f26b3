import { isTerminal, type CallDetailDto } from '@call-scheduler/shared';
import { callStateQuery, workflowIdForCall } from '@call-scheduler/shared/workflow';
import { testTemporalAddress } from '@call-scheduler/testing';
import { Client, Connection, type WorkflowClient, type WorkflowHandle } from '@temporalio/client';
import { hostname } from 'node:os';
import type { AppProcess } from './support/app-process';
import { eventually } from './support/eventually';
import { Stack } from './support/stack';
import { StackClient } from './support/stack-client';

const PHONE_NUMBER = '+14155550131';
/** Talk long enough that the first worker freezes with the call still going. */
const CALL_TIMING = { queuedMs: 500, ringingMs: 1_000, talkMs: 20_000 };
/**
 * The frozen worker's open polls still take tasks, each lost until its timeout (10 s), so the takeover
 * takes about a minute; the rest is slack for a busy machine.
 */
const FROZEN_AT_MOST_MS = 150_000;
const SCENARIO_TIMEOUT_MS = 240_000;

let stack: Stack;
let client: StackClient;
let temporal: Connection;
let workflows: WorkflowClient;
let firstWorker: string;
let secondWorker: string;
let done: CallDetailDto;

/** A worker's identity as Temporal records it: the SDK's default, `<pid>@<hostname>`. */
function identityOf(worker: AppProcess): string {
  return `${worker.pid}@${hostname()}`;
}

function workflowOf(call: CallDetailDto): WorkflowHandle {
  return workflows.getHandle(workflowIdForCall(call.id));
}

/** Who completed each workflow task, in order, and the tasks that failed: a replay that goes wrong fails its task. */
async function workflowTasks(call: CallDetailDto): Promise<{ completedBy: string[]; failed: unknown[] }> {
  const events = (await workflowOf(call).fetchHistory()).events ?? [];
  return {
    completedBy: events.flatMap((event) => event.workflowTaskCompletedEventAttributes?.identity ?? []),
    failed: events.flatMap((event) => event.workflowTaskFailedEventAttributes ?? []),
  };
}

/** The workers that held the workflow, in turn: repeats in a row folded into one. */
function turns(identities: string[]): string[] {
  return identities.filter((identity, i) => identity !== identities[i - 1]);
}

/** Issue 7's failover: a second worker starts, and the first freezes mid-call after start-now until the call ends. */
async function failOverMidCall(): Promise<CallDetailDto> {
  const created = await client.scheduleCall(PHONE_NUMBER, 60_000);
  await client.startNow(created.id);
  await eventually(() => client.getCall(created.id), (call) => call.status === 'in_progress', 30_000);

  firstWorker = identityOf(stack.worker);
  secondWorker = identityOf(stack.startAnotherWorker());
  stack.worker.pause();
  try {
    return await eventually(() => client.getCall(created.id), isTerminal, FROZEN_AT_MOST_MS);
  } catch (error) {
    // A replay that fails says why only in the worker's log.
    throw new Error(`the call did not finish while the first worker was frozen\n${stack.logs()}`, { cause: error });
  }
}

beforeAll(async () => {
  [stack, temporal] = await Promise.all([
    Stack.start({ providerBehaviour: { timing: CALL_TIMING } }),
    Connection.connect({ address: testTemporalAddress() }),
  ]);
  client = new StackClient(stack);
  workflows = new Client({ connection: temporal, namespace: 'default' }).workflow;
  done = await failOverMidCall();
}, SCENARIO_TIMEOUT_MS);

afterAll(async () => {
  await temporal?.close();
  // Continues the frozen worker, then stops it with the rest.
  await stack?.stop();
});

describe('a call whose worker freezes mid-call while a second worker runs', () => {
  it('completes, and the projection shows every step of it', () => {
    expect(done).toMatchObject({ status: 'completed', attempt: 1, lastError: null, externalCallId: expect.any(String) });
    expect(done.events.map((event) => event.type)).toEqual([
      'CallScheduled',
      'CallRescheduled',
      'DialAttemptStarted',
      'ProviderAccepted',
      'CallRinging',
      'CallAnswered',
      'CallCompleted',
    ]);
    expect(done.events[1]!.data).toMatchObject({ startNow: true });
    expect(done.version).toBe(done.events.length);
  });

  it('is dialed once, and the provider agrees it completed', async () => {
    expect(await client.providerCallsTo(PHONE_NUMBER)).toEqual([
      expect.objectContaining({ idempotencyKey: `${done.id}:1`, postCount: 1, status: 'completed' }),
    ]);
  });

  it('is finished by the second worker, whose replay fails no workflow task', async () => {
    const tasks = await workflowTasks(done);
    expect(tasks.failed).toEqual([]);
    expect(turns(tasks.completedBy)).toEqual([firstWorker, secondWorker]);
  });

  it('answers a query, replayed from its whole history, with what the API shows', async () => {
    const state = await workflowOf(done).query(callStateQuery);
    const { status, version, scheduledAt, attempt, externalCallId } = done;
    expect(state).toMatchObject({ status, version, scheduledAt, attempt, externalCallId });
  });
});
