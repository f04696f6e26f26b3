import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CallActivities } from './activities';

export interface CallWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: CallActivities;
  maxConcurrentActivities?: number;
  /** 0 replays every workflow task from the start of its history: how tests prove the workflow deterministic. */
  maxCachedWorkflows?: number;
}

/** The workflow bundle `npm run build` writes; without it (tests, a fresh checkout) the worker bundles at start-up. */
export const PREBUILT_WORKFLOW_BUNDLE = join(__dirname, 'workflow-bundle.js');

export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(PREBUILT_WORKFLOW_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_WORKFLOW_BUNDLE } }
    : { workflowsPath: require.resolve('./workflows') };
}

export function createCallWorker(options: CallWorkerOptions & Partial<Pick<WorkerOptions, 'workflowBundle'>>): Promise<Worker> {
  const { connection, namespace, taskQueue, activities, maxConcurrentActivities, maxCachedWorkflows, workflowBundle } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities,
    ...(workflowBundle ? { workflowBundle } : workflowSource()),
    maxConcurrentActivityTaskExecutions: maxConcurrentActivities,
    maxCachedWorkflows,
  });
}
