import type { CallTemplate } from '../schedules/schedule';
import type { DialRetryPolicy } from './call-workflow.contract';

export const SCHEDULED_CALL_WORKFLOW_TYPE = 'scheduledCallWorkflow';

/** Temporal's id of a schedule of recurring calls. */
export function temporalScheduleId(scheduleId: string): string {
  return `schedule-${scheduleId}`;
}

/** The workflow id a schedule gives its runs; Temporal appends each run's nominal time. */
export function scheduledRunWorkflowIdPrefix(scheduleId: string): string {
  return `scheduled-call-${scheduleId}`;
}

/** What a schedule starts its run workflow with, each time: the call to make, and how to dial it. */
export interface ScheduledCallInput {
  scheduleId: string;
  template: CallTemplate;
  dialRetry: DialRetryPolicy;
  dialLeadMs: number;
}
