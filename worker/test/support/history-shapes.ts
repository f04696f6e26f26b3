import type { History } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;

interface WorkflowTask {
  /** What happened between the task before and this one's start: what the workflow was told. */
  told: number[];
  /** What the task's completion wrote: what the workflow did. */
  did: number[];
}

/** A history cut into its completed workflow tasks. */
function workflowTasks(history: History): WorkflowTask[] {
  const tasks: WorkflowTask[] = [];
  let told: number[] = [];
  let did: number[] | null = null;
  for (const { eventType } of history.events ?? []) {
    const type = eventType ?? EventType.EVENT_TYPE_UNSPECIFIED;
    if (type === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      did = [];
      tasks.push({ told, did });
      told = [];
    } else if (type === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) {
      did = null;
    } else if (did !== null && isCommandEvent(type)) {
      did.push(type);
    } else {
      told.push(type);
    }
  }
  return tasks;
}

function isCommandEvent(type: number): boolean {
  return ![EventType.EVENT_TYPE_TIMER_FIRED, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED].includes(type);
}

/** Whether one workflow task both heard a timer fire and took an update: a command racing the due time. */
export function tasksThatFiredATimerAndTookAnUpdate(history: History): boolean {
  return workflowTasks(history).some(
    ({ told, did }) => told.includes(EventType.EVENT_TYPE_TIMER_FIRED) && did.includes(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED),
  );
}

/** How many updates each workflow task took. */
export function acceptedUpdatesByTask(history: History): number[] {
  return workflowTasks(history).map(({ did }) => did.filter((type) => type === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED).length);
}

/** The activities the workflow scheduled, by type, in order. */
export function scheduledActivities(history: History): string[] {
  return (history.events ?? []).flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
}

/** The heartbeat timeout each activity task of this type was scheduled with, in ms (undefined: none). */
export function heartbeatTimeoutsOf(history: History, activityType: string): (number | undefined)[] {
  return (history.events ?? []).flatMap(({ activityTaskScheduledEventAttributes: scheduled }) =>
    scheduled?.activityType?.name === activityType ? [durationMs(scheduled.heartbeatTimeout)] : [],
  );
}

/** A proto Duration read from JSON, whose seconds are a plain number or string rather than a Long. */
function durationMs(duration: { seconds?: unknown; nanos?: number | null } | null | undefined): number | undefined {
  return duration ? Number(duration.seconds ?? 0) * 1_000 + Math.round((duration.nanos ?? 0) / 1e6) : undefined;
}

/** The retries of an activity's tasks of this type, each with what ended the attempt before it: a timeout's type, or the failure's message. */
export function retriesOf(history: History, activityType: string): { attempt: number; after: string }[] {
  const events = history.events ?? [];
  const ofType = new Set(
    events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === activityType).map((event) => Number(event.eventId)),
  );
  return events.flatMap(({ activityTaskStartedEventAttributes: started }) => {
    if (!started || !ofType.has(Number(started.scheduledEventId)) || (started.attempt ?? 1) < 2) return [];
    const timeoutType = started.lastFailure?.timeoutFailureInfo?.timeoutType;
    const after = timeoutType ? temporal.api.enums.v1.TimeoutType[timeoutType] : (started.lastFailure?.message ?? '');
    return [{ attempt: started.attempt ?? 1, after }];
  });
}

/** Whether a held dial was called off too late: the worker had claimed it at its instant, and dialled. */
export function aHeldDialCalledOffTooLate(history: History): boolean {
  const events = history.events ?? [];
  const callOffs = new Set(
    events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'callOffHeldDial').map((event) => Number(event.eventId)),
  );
  return events.some((event) => {
    const completed = event.activityTaskCompletedEventAttributes;
    const answer = completed?.result?.payloads?.[0]?.data;
    return callOffs.has(Number(completed?.scheduledEventId)) && answer !== undefined && answer !== null && Buffer.from(answer).toString() === 'false';
  });
}

/** Each activity attempt after the first, by type, with why the one before it ended (a timeout's type, or the failure's). */
export function retriedActivities(history: History): { type: string; after: string }[] {
  const events = history.events ?? [];
  const typeOf = new Map(events.map((event) => [Number(event.eventId), event.activityTaskScheduledEventAttributes?.activityType?.name ?? '']));
  return events.flatMap((event) => {
    const started = event.activityTaskStartedEventAttributes;
    if (!started || (started.attempt ?? 1) <= 1) return [];
    const failure = started.lastFailure;
    const after = failure?.timeoutFailureInfo ? String(temporal.api.enums.v1.TimeoutType[failure.timeoutFailureInfo.timeoutType ?? 0]) : (failure?.applicationFailureInfo?.type ?? '');
    return [{ type: typeOf.get(Number(started.scheduledEventId)) ?? '', after }];
  });
}

/** The types of the application failures the workflow's activities ended with. */
export function activityFailureTypes(history: History): string[] {
  return (history.events ?? []).flatMap((event) => event.activityTaskFailedEventAttributes?.failure?.applicationFailureInfo?.type ?? []);
}

/** Whether the workflow asked for a follow-up and a projection write in the same workflow task. */
export function aFollowUpAskedWithAWrite(history: History): boolean {
  const byTask = new Map<number, Set<string>>();
  for (const { activityTaskScheduledEventAttributes: scheduled } of history.events ?? []) {
    if (!scheduled) continue;
    const task = Number(scheduled.workflowTaskCompletedEventId);
    byTask.set(task, (byTask.get(task) ?? new Set()).add(scheduled.activityType?.name ?? ''));
  }
  return [...byTask.values()].some((types) => types.has('awaitCallProgress') && types.has('recordCallEvents'));
}
