import type { CallState } from '@call-scheduler/shared';
import { CALL_WORKFLOW_TYPE, callStateQuery, workflowIdForCall } from '@call-scheduler/shared/workflow';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { inParallel } from '../../bench/in-parallel';

const CONCURRENCY = 8;

/** What Temporal holds for a call: its workflow's status, and the call's state as the workflow has it. */
export interface WorkflowObservation {
  /** COMPLETED, RUNNING… or NOT_FOUND. */
  status: string;
  /** The result of a completed workflow, the `callState` query's answer for a running one; null otherwise. */
  state: CallState | null;
}

/** Each call's workflow as Temporal has it: the history is the source of truth the projection must match. */
export async function workflowStates(address: string, callIds: readonly string[]): Promise<Map<string, WorkflowObservation>> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: 'default' });
    const states = new Map<string, WorkflowObservation>();
    await inParallel(callIds, CONCURRENCY, async (id) => {
      states.set(id, await observe(client, id));
    });
    return states;
  } finally {
    await connection.close();
  }
}

/** The ids of the call workflows started from `since` to `until` (Date.now()), each once however often it continued as new. */
export async function callWorkflowsStarted(address: string, since: number, until: number): Promise<Set<string>> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: 'default' });
    const query = `WorkflowType = '${CALL_WORKFLOW_TYPE}' AND StartTime BETWEEN '${new Date(since).toISOString()}' AND '${new Date(until).toISOString()}'`;
    const ids = new Set<string>();
    for await (const workflow of client.workflow.list({ query })) ids.add(workflow.workflowId);
    return ids;
  } finally {
    await connection.close();
  }
}

async function observe(client: Client, callId: string): Promise<WorkflowObservation> {
  const handle = client.workflow.getHandle(workflowIdForCall(callId));
  try {
    const { status } = await handle.describe();
    if (status.name === 'COMPLETED') return { status: status.name, state: (await handle.result()) as CallState };
    if (status.name === 'RUNNING') return { status: status.name, state: await handle.query(callStateQuery) };
    return { status: status.name, state: null };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { status: 'NOT_FOUND', state: null };
    throw error;
  }
}
