import { workflowIdForCall } from '@call-scheduler/shared/workflow';
import { decodeTimeoutType } from '@temporalio/common';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';

/** Something in a call's history that held it up: a timeout or a failure Temporal recorded, and when. */
export interface WorkflowDelay {
  at: number;
  what: string;
}

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

/** For each call, the timeouts and failures its workflow's history records: why a late call was late. */
export async function workflowDelays(address: string, callIds: readonly string[]): Promise<Map<string, WorkflowDelay[]>> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: 'default' });
    const delays = new Map<string, WorkflowDelay[]>();
    for (const id of callIds) {
      const { events } = await client.workflow.getHandle(workflowIdForCall(id)).fetchHistory();
      delays.set(id, delaysIn(events ?? []));
    }
    return delays;
  } finally {
    await connection.close();
  }
}

function delaysIn(events: readonly HistoryEvent[]): WorkflowDelay[] {
  const activityTypes = new Map(events.map((event) => [Number(event.eventId), event.activityTaskScheduledEventAttributes?.activityType?.name ?? 'activity']));
  return events.flatMap((event) => {
    const what = activityDelay(event, activityTypes) ?? workflowTaskDelay(event);
    return what ? [{ at: Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6, what }] : [];
  });
}

function activityDelay(event: HistoryEvent, activityTypes: ReadonlyMap<number, string>): string | null {
  const ended = event.activityTaskTimedOutEventAttributes ?? event.activityTaskFailedEventAttributes;
  if (ended) return `${activityTypes.get(Number(ended.scheduledEventId))} ${failure(ended.failure?.timeoutFailureInfo?.timeoutType)}`;
  // Attempts that timed out or failed before a retry are not in the history themselves: the retry's start names them.
  const retried = event.activityTaskStartedEventAttributes;
  if (!retried || (retried.attempt ?? 1) === 1) return null;
  return `${activityTypes.get(Number(retried.scheduledEventId))} attempt ${retried.attempt} started (after a ${failure(retried.lastFailure?.timeoutFailureInfo?.timeoutType)})`;
}

function workflowTaskDelay(event: HistoryEvent): string | null {
  const timedOut = event.workflowTaskTimedOutEventAttributes;
  if (timedOut) return `workflow task ${failure(timedOut.timeoutType)}`;
  const attempt = event.workflowTaskScheduledEventAttributes?.attempt ?? 1;
  if (attempt > 1) return `workflow task attempt ${attempt}`;
  return event.workflowTaskFailedEventAttributes ? 'workflow task failed' : null;
}

/** `heartbeat timeout`, `start-to-close timeout`…, or `failure` when it was no timeout. */
function failure(timeoutType: Parameters<typeof decodeTimeoutType>[0]): string {
  const timeout = decodeTimeoutType(timeoutType);
  return timeout ? `${timeout.toLowerCase().replaceAll('_', '-')} timeout` : 'failure';
}
