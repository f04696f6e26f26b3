import 'reflect-metadata';
import {
  AccountRepository,
  CallRepository,
  DialReservationRepository,
  DoNotCallRepository,
  HeldDialRepository,
  dataSourceOptions,
  migrate,
  surviveLostConnections,
} from '@call-scheduler/db';
import { startMockProvider, type BehaviourPatch, type MockProvider } from '@call-scheduler/mock-provider';
import {
  CALL_WORKFLOW_TYPE,
  callStateQuery,
  providerStatusSignal,
  workflowIdForCall,
  type CallState,
  type CallWorkflowInput,
  type CallingWindow,
  type ScheduledCallInput,
  SCHEDULED_CALL_WORKFLOW_TYPE,
  scheduledRunWorkflowIdPrefix,
  type DialLimits,
  type DialRetryPolicy,
  type NewCall,
  type ProviderCallStatus,
  type RunLimits,
} from '@call-scheduler/shared/workflow';
import { createDatabaseForTest, takeDatabaseAway, testTemporalAddress, type DatabaseAway } from '@call-scheduler/testing';
import { Client, Connection, WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createActivities, type Clock } from '../../src/activities';
import { createCallWorker, type CallWorker } from '../../src/call-worker';
import { ProviderClient } from '../../src/provider/provider.client';
import { eventually } from './eventually';
import { WorkerProcess } from './worker-process';
import type { callWorkflow, scheduledCallWorkflow } from '../../src/workflows';

export type CallHandle = WorkflowHandle<typeof callWorkflow>;

/** Retries that fit a test: a failed POST is tried again within a few hundred milliseconds. */
export const TEST_DIAL_RETRY: DialRetryPolicy = {
  initialIntervalMs: 100,
  backoffCoefficient: 2,
  maximumIntervalMs: 500,
  maximumAttempts: 4,
  scheduleToCloseMs: 30_000,
};

/** Limits no test reaches unless it means to: the account a test's calls belong to unless it names another. */
export const ROOMY_LIMITS: DialLimits = { dialsPerHour: 100_000, dialsPerDay: 1_000_000, maxConcurrentCalls: 10_000 };

/**
 * Each provider call goes queued -> ringing -> in_progress -> end in steps the 50 ms poll cannot miss, even
 * while another suite keeps both cores busy (fresh-clone CI runs missed a 250 ms ringing and a 250 ms talk).
 */
export const TEST_TIMING = { queuedMs: 500, ringingMs: 500, talkMs: 500 };

const logger = new DefaultLogger('WARN');
let runtimeInstalled = false;

/** Quiets the Temporal runtime; must run before the first connection of the test file. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger });
  runtimeInstalled = true;
}

/**
 * The workflow code as it is now, bundled once; `path` bundles another workflows module, and
 * `interceptorModules` add workflow interceptors (test fixtures).
 */
export async function bundleWorkflows(path = require.resolve('../../src/workflows'), interceptorModules: string[] = []): Promise<WorkflowBundle> {
  const { code } = await bundleWorkflowCode({ workflowsPath: path, workflowInterceptorModules: interceptorModules, logger });
  return { code };
}

export interface HarnessOptions {
  behaviour: BehaviourPatch;
  workflowBundle: WorkflowBundle;
  /** 0 makes the worker replay each workflow from the start of its history on every task. */
  maxCachedWorkflows?: number;
  /** Another Temporal server than the one jest's globalSetup started. */
  temporalAddress?: string;
  /** The worker's slots for the calls' own activities (dials, projection writes); the SDK's default unless set. */
  maxConcurrentActivities?: number;
  /** The clock held dials are made by, and calls are scheduled from: a time-skipping server's; the wall clock unless set. */
  clock?: Clock;
  /**
   * Dials ask the provider for status callbacks, and the calls are followed by what the test signals as the API
   * would, with this fallback; the provider's own callbacks go nowhere.
   */
  statusCallbacks?: { fallbackPollMs: number };
}

export interface CallOptions {
  phoneNumber: string;
  /** The account the call belongs to; defaults to the harness's account, whose limits no test reaches. */
  accountId?: string;
  /** Milliseconds from now; defaults to now. */
  inMs?: number;
  maxAttempts?: number;
  retryDelaySeconds?: number;
  /** How long before its instant each dial is handed to a held dial; defaults to TEST_DIAL_LEAD_MS. */
  dialLeadMs?: number;
  /** How much one run takes before it hands over; the workflow's defaults when absent. */
  runLimits?: RunLimits;
  /** An instant to call at, instead of inMs. */
  at?: number;
  window?: CallingWindow;
  latestAt?: string;
}

/** A receiver no one listens on: the provider's callbacks fail there at once, and tests signal the statuses themselves. */
const NOWHERE = 'http://127.0.0.1:9/api/provider/events';

/** How long the provider may say nothing about a call before a test's call is given up as lost. */
export const TEST_LOST_AFTER_MS = 5_000;

/** Short, so a test's call due in a second or two is held by a worker for part of that time. */
export const TEST_DIAL_LEAD_MS = 1_000;

export interface StartedCall {
  id: string;
  input: CallWorkflowInput;
  handle: CallHandle;
}

/**
 * Everything a call needs, for real: a Temporal worker on its own task queue running the current
 * workflow code and the real activities, a fresh migrated database, and the mock provider.
 */
export class CallHarness {
  private readonly started: CallHandle[] = [];
  private readonly processes: WorkerProcess[] = [];

  private constructor(
    readonly client: Client,
    readonly calls: CallRepository,
    readonly provider: MockProvider,
    readonly taskQueue: string,
    /** The account of every call that names none. */
    readonly accountId: string,
    private readonly workflowBundle: WorkflowBundle,
    private readonly connection: Connection,
    private readonly nativeConnection: NativeConnection,
    private readonly dataSource: DataSource,
    private readonly databaseUrl: string,
    private readonly temporalAddress: string,
    private readonly newWorker: () => Promise<CallWorker>,
  ) {}

  private running?: { worker: CallWorker; done: Promise<void> };

  static async start(options: HarnessOptions): Promise<CallHarness> {
    installQuietRuntime();
    const address = options.temporalAddress ?? testTemporalAddress();
    const taskQueue = `worker-test-${randomUUID()}`;
    const databaseUrl = await createDatabaseForTest();
    const dataSource = new DataSource(dataSourceOptions({ url: databaseUrl }));
    await dataSource.initialize();
    // As the worker's own: a connection PostgreSQL cuts (takeDatabaseAway) is replaced, not a crash.
    surviveLostConnections(dataSource, () => undefined);
    await migrate(dataSource);
    const accountId = await createAccount(dataSource, ROOMY_LIMITS);
    const provider = await startMockProvider({
      port: 0,
      logger: false,
      behaviour: { latencyMs: 0, outcomes: { completed: 1 }, timing: TEST_TIMING, ...options.behaviour },
    });
    const calls = new CallRepository(dataSource);
    const nativeConnection = await NativeConnection.connect({ address });
    const activities = createActivities({
      provider: new ProviderClient({ baseUrl: provider.url, timeoutMs: 2_000, lookupTimeoutMs: 500 }),
      calls,
      reservations: new DialReservationRepository(dataSource),
      heldDials: new HeldDialRepository(dataSource),
      follow: { pollIntervalMs: 50, lostAfterMs: TEST_LOST_AFTER_MS },
      clock: options.clock,
      statusCallbacks: options.statusCallbacks && { url: NOWHERE, ...options.statusCallbacks },
    });
    const newWorker = () =>
      createCallWorker({
        connection: nativeConnection,
        namespace: 'default',
        taskQueue,
        workflowBundle: options.workflowBundle,
        maxCachedWorkflows: options.maxCachedWorkflows,
        maxConcurrentActivities: options.maxConcurrentActivities,
        activities,
      });
    const connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace: 'default' });
    const harness = new CallHarness(
      client,
      calls,
      provider,
      taskQueue,
      accountId,
      options.workflowBundle,
      connection,
      nativeConnection,
      dataSource,
      databaseUrl,
      address,
      newWorker,
    );
    await harness.startWorker();
    return harness;
  }

  /** A new account with these limits, for calls that name it. */
  createAccount(limits: DialLimits): Promise<string> {
    return createAccount(this.dataSource, limits);
  }

  /**
   * Starts another worker on the task queue, as its own OS process running the worker's entry point,
   * with the same database and provider; closed with the harness.
   */
  async startWorkerProcess(): Promise<WorkerProcess> {
    const worker = await WorkerProcess.start({
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      PROVIDER_URL: this.provider.url,
      PROVIDER_TIMEOUT_MS: '2000',
      PROVIDER_POLL_INTERVAL_MS: '50',
      PROVIDER_LOOKUP_TIMEOUT_MS: '500',
      PROVIDER_LOST_AFTER_MS: String(TEST_LOST_AFTER_MS),
    });
    this.processes.push(worker);
    return worker;
  }

  /**
   * Runs `during` while no worker polls the task queue: what it sends a call waits for the next worker,
   * which then gets it all in one workflow task, as after a deploy or a crash.
   */
  async whileNoWorkerRuns<T>(during: () => Promise<T>): Promise<T> {
    await this.stopWorker();
    try {
      return await during();
    } finally {
      await this.startWorker();
    }
  }

  /** Turns the worker away from PostgreSQL, as while it restarts, until `back()`. */
  takeDatabaseAway(): Promise<DatabaseAway> {
    return takeDatabaseAway(this.databaseUrl);
  }

  private async startWorker(): Promise<void> {
    const worker = await this.newWorker();
    const done = worker.run();
    // stopWorker() awaits it and sees any failure; this only keeps an early one from counting as unhandled.
    void done.catch(() => undefined);
    this.running = { worker, done };
  }

  private async stopWorker(): Promise<void> {
    if (!this.running) return;
    const { worker, done } = this.running;
    this.running = undefined;
    worker.shutdown();
    await done;
  }

  /** What a schedule's run starts with, as the API makes it: a call to `phoneNumber` in the harness's account. */
  scheduledRunInput(scheduleId: string, phoneNumber: string): ScheduledCallInput {
    return {
      scheduleId,
      template: { accountId: this.accountId, phoneNumber, note: 'Weekly check-in', maxAttempts: 1, retryDelaySeconds: 1, window: null },
      dialRetry: TEST_DIAL_RETRY,
      dialLeadMs: TEST_DIAL_LEAD_MS,
    };
  }

  /** Starts a schedule's run as Temporal would at `nominalTime`, under the workflow id a schedule gives it. */
  startScheduledRun(scheduleId: string, phoneNumber: string, nominalTime = '2026-12-02T09:00:00Z') {
    return this.client.workflow.start<typeof scheduledCallWorkflow>(SCHEDULED_CALL_WORKFLOW_TYPE, {
      workflowId: `${scheduledRunWorkflowIdPrefix(scheduleId)}-${nominalTime}`,
      taskQueue: this.taskQueue,
      args: [this.scheduledRunInput(scheduleId, phoneNumber)],
    });
  }

  /** Starts one call's workflow, as the API does. */
  async startCall(options: CallOptions): Promise<StartedCall> {
    const input = callInput({ accountId: this.accountId, ...options });
    const handle = await this.client.workflow.start<typeof callWorkflow>(CALL_WORKFLOW_TYPE, {
      args: [input],
      taskQueue: this.taskQueue,
      workflowId: workflowIdForCall(input.call.id),
    });
    this.started.push(handle);
    return { id: input.call.id, input, handle };
  }

  /**
   * Starts a call's workflow and sends it an update in the same request (update-with-start), so the update
   * reaches the workflow in its very first task: what also happens when an update is sent before a worker
   * has picked up a new call, e.g. while workers are down or busy.
   */
  async startCallWithUpdate<Ret, Args extends unknown[]>(
    update: UpdateDefinition<Ret, Args>,
    args: Args,
    options: CallOptions,
  ): Promise<StartedCall & { updated: Ret }> {
    const input = callInput({ accountId: this.accountId, ...options });
    const workflowId = workflowIdForCall(input.call.id);
    this.started.push(this.client.workflow.getHandle<typeof callWorkflow>(workflowId));
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof callWorkflow>(CALL_WORKFLOW_TYPE, {
      args: [input],
      taskQueue: this.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
    });
    const updated = await this.client.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation });
    return { id: input.call.id, input, handle: await startWorkflowOperation.workflowHandle(), updated };
  }

  /** Waits until the workflow has recorded CallScheduled: from then on it sleeps until the call is due. */
  async untilSleeping(callId: string): Promise<void> {
    await eventually(
      () => this.calls.findById(callId),
      (call) => call?.status === 'scheduled' && call.version >= 1,
    );
  }

  /** Waits until a worker holds the call's dial for its instant (activity placeCallWhenDue has started). */
  async untilDialHeld(handle: CallHandle): Promise<void> {
    await eventually(
      () => handle.describe(),
      ({ raw }) =>
        (raw.pendingActivities ?? []).some(
          (activity) => activity.activityType?.name === 'placeCallWhenDue' && activity.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED,
        ),
    );
  }

  /** Waits until the projection has caught up with `version` (the API waits the same way before it answers a command). */
  async untilProjected(callId: string, version: number): Promise<CallState> {
    const call = await eventually(
      () => this.calls.findById(callId),
      (row) => (row?.version ?? 0) >= version,
    );
    return call!;
  }

  /** Replays the whole history of every workflow this harness's worker ran, from scratch, on its workflow code. */
  async replayEveryWorkflow(): Promise<{ workflowId: string; error: unknown }[]> {
    const histories = this.client.workflow.list({ query: `TaskQueue = "${this.taskQueue}"` }).intoHistories();
    const results: { workflowId: string; error: unknown }[] = [];
    for await (const { workflowId, error } of Worker.runReplayHistories({ workflowBundle: this.workflowBundle }, histories)) {
      results.push({ workflowId, error });
    }
    return results;
  }

  /** The call as the API would serve it, with its events. */
  async projection(callId: string): Promise<{ call: CallState | null; eventTypes: string[]; seqs: number[] }> {
    const [call, events] = await Promise.all([this.calls.findById(callId), this.calls.findEvents(callId)]);
    return { call, eventTypes: events.map((e) => e.type), seqs: events.map((e) => e.seq) };
  }

  /** Signals the call's workflow a status change as the API does with a signed callback, once the provider has the call. */
  async reportStatus(handle: CallHandle, status: ProviderCallStatus, sequence: number): Promise<void> {
    const { externalCallId } = await eventually(() => handle.query(callStateQuery), (state) => state.externalCallId !== null);
    const report = { externalCallId: externalCallId!, status, sequence, occurredAt: new Date().toISOString(), durationSeconds: status === 'completed' ? 7 : null };
    await handle.signal(providerStatusSignal, report);
  }

  /** Puts the number on the account's do-not-call list (the harness's account unless another is named). */
  async listAsDoNotCall(phoneNumber: string, accountId = this.accountId): Promise<void> {
    await new DoNotCallRepository(this.dataSource).add(accountId, [{ phoneNumber, reason: null }], null);
  }

  /** What the provider was asked to dial for this number. */
  dialed(phoneNumber: string) {
    return this.provider.calls().filter((c) => c.to === phoneNumber);
  }

  /** Ends every workflow a failed test left running, then stops the worker and closes everything it opened. */
  async close(): Promise<void> {
    await Promise.allSettled(
      this.started.map(async (handle) => {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test finished');
      }),
    );
    await Promise.allSettled([this.stopWorker(), ...this.processes.map((worker) => worker.stop())]);
    await Promise.allSettled([this.connection.close(), this.nativeConnection.close(), this.provider.close(), this.dataSource.destroy()]);
  }
}

async function createAccount(dataSource: DataSource, limits: DialLimits): Promise<string> {
  const { id } = await new AccountRepository(dataSource).createAccount({ id: randomUUID(), name: 'Test account', limits });
  return id;
}

function callInput({
  phoneNumber,
  accountId,
  inMs = 0,
  maxAttempts = 3,
  retryDelaySeconds = 1,
  dialLeadMs = TEST_DIAL_LEAD_MS,
  runLimits,
  at,
  window,
  latestAt,
}: CallOptions & { accountId: string }): CallWorkflowInput {
  const now = Date.now();
  const call: NewCall = {
    id: randomUUID(),
    accountId,
    phoneNumber,
    note: null,
    scheduledAt: new Date(at ?? now + inMs).toISOString(),
    maxAttempts,
    retryDelaySeconds,
    createdAt: new Date(now).toISOString(),
    ...(window ? { window } : {}),
    ...(latestAt ? { latestAt } : {}),
  };
  return { call, dialRetry: TEST_DIAL_RETRY, dialLeadMs, ...(runLimits ? { runLimits } : {}) };
}
