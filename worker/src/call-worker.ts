import { callProgressTaskQueue, heldDialTaskQueue } from '@call-scheduler/shared/workflow';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CallActivities } from './activities';
import { HEARTBEAT_EVERY_MS } from './activities/heartbeating';

export interface CallWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: CallActivities;
  maxConcurrentActivities?: number;
  /** How many dials this worker may hold for their instant at once (each is a timer, not a busy slot). */
  maxHeldDials?: number;
  /** How many calls in progress this worker may follow at once (each a poll every second or so, not a busy slot). */
  maxFollowedCalls?: number;
  /** 0 replays every workflow task from the start of its history: how tests prove the workflow deterministic. */
  maxCachedWorkflows?: number;
}

export const DEFAULT_MAX_HELD_DIALS = 5_000;
export const DEFAULT_MAX_FOLLOWED_CALLS = 5_000;
/**
 * How long a call's next workflow task waits for the worker that has the call in memory before any worker
 * takes it (the SDK's default is 10 s): a worker that died delays its calls by this much, before the
 * workflow task timeout if it died during a task.
 */
const STICKY_QUEUE_TIMEOUT = '3 seconds';
/**
 * Call workflows kept in memory between their tasks. Most calls sleep, and a sleeping call needs no place:
 * it is replayed from its short history when it wakes, a lead ahead of its dial. 250 holds a worker at about
 * 450 MB with 10,000 sleeping calls, against 1 GB with the SDK's default of about 2,300, and 1,000 calls due in
 * one second dial as soon; a command to a call out of the cache replays it first, which doubles the p99 of a
 * storm of commands to a thousand calls (docs/PERFORMANCE.md, "The workflow cache").
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 250;
/**
 * How often a dial's heartbeats go to Temporal. The SDK's default, 0.8 of the heartbeat timeout, left a dial
 * 0.6 s of its 3 s for each beat to arrive: in a 1,000-call burst the dev server took longer, timed out holds
 * whose workers were alive and sent them again (p99 25 s). Each second leaves 2 s (p99 0.4 s; docs/PERFORMANCE.md).
 */
const DIAL_HEARTBEAT_THROTTLE = HEARTBEAT_EVERY_MS;

/** The workflow bundle `npm run build` writes; without it (tests, a fresh checkout) the worker bundles at start-up. */
export const PREBUILT_WORKFLOW_BUNDLE = join(__dirname, 'workflow-bundle.js');

export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(PREBUILT_WORKFLOW_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_WORKFLOW_BUNDLE } }
    : { workflowsPath: require.resolve('./workflows') };
}

/**
 * The calls' worker: their workflows and activities on the task queue, and beside it, each on a task queue
 * of its own, the dials held for their instant and the calls in progress being followed. A burst of held
 * dials never waits for slots that other work holds, and a thousand conversations followed for minutes
 * never keep a due call from being dialled.
 */
export class CallWorker {
  constructor(private readonly workers: readonly Worker[]) {}

  /** Runs until shut down (SIGINT/SIGTERM, or shutdown()); if one part fails, the other is shut down too. */
  async run(): Promise<void> {
    const runs = this.workers.map((worker) =>
      worker.run().catch((error: unknown) => {
        this.shutdown();
        throw error;
      }),
    );
    await Promise.all(runs.map((run) => run.catch(() => undefined)));
    await Promise.all(runs);
  }

  shutdown(): void {
    for (const worker of this.workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  }
}

export async function createCallWorker(options: CallWorkerOptions & Partial<Pick<WorkerOptions, 'workflowBundle'>>): Promise<CallWorker> {
  const { connection, namespace, taskQueue, activities, maxConcurrentActivities, maxHeldDials, maxFollowedCalls, maxCachedWorkflows, workflowBundle } =
    options;
  const { placeCallWhenDue, awaitCallProgress, ...callActivities } = activities;
  const calls = await Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: callActivities,
    ...(workflowBundle ? { workflowBundle } : workflowSource()),
    maxConcurrentActivityTaskExecutions: maxConcurrentActivities,
    maxCachedWorkflows,
    stickyQueueScheduleToStartTimeout: STICKY_QUEUE_TIMEOUT,
    maxHeartbeatThrottleInterval: DIAL_HEARTBEAT_THROTTLE,
  });
  const heldDials = await Worker.create({
    connection,
    namespace,
    taskQueue: heldDialTaskQueue(taskQueue),
    activities: { placeCallWhenDue },
    maxConcurrentActivityTaskExecutions: maxHeldDials ?? DEFAULT_MAX_HELD_DIALS,
    maxHeartbeatThrottleInterval: DIAL_HEARTBEAT_THROTTLE,
  });
  const followedCalls = await Worker.create({
    connection,
    namespace,
    taskQueue: callProgressTaskQueue(taskQueue),
    activities: { awaitCallProgress },
    maxConcurrentActivityTaskExecutions: maxFollowedCalls ?? DEFAULT_MAX_FOLLOWED_CALLS,
  });
  return new CallWorker([calls, heldDials, followedCalls]);
}
