import { callIdForScheduledRun } from '@call-scheduler/shared';

/** The call id of a schedule's run (a UUID v5 of the run's workflow id): an activity, since hashing it needs a library the workflow sandbox has not. */
export function callIdForRunActivity(runWorkflowId: string): Promise<string> {
  return Promise.resolve(callIdForScheduledRun(runWorkflowId));
}
