import {
  ChildWorkflowFailure,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  proxyLocalActivities,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
// Not re-exported by @temporalio/workflow, though startChild rejects with it.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { workflowIdForCall, type NewCall, type ScheduledCallInput } from '@call-scheduler/shared/workflow';
import type { CallActivities } from '../activities';
import { callWorkflow } from './call.workflow';

const { callIdForRun } = proxyLocalActivities<CallActivities>({ startToCloseTimeout: '5 seconds', retry: { maximumAttempts: 3 } });

/**
 * One run of a schedule of recurring calls: makes an ordinary call, due now, as its own workflow (own id, own
 * timeline, own provider call), and waits until it ends, so the schedule's overlap policy (skip) sees the
 * previous call in progress. The call's id comes from the run's workflow id, and Temporal starts a call's
 * workflow only once: a run the engine fires twice makes one call. Deleting or pausing the schedule, or
 * ending this run, leaves the call to finish (ParentClosePolicy.ABANDON). Answers the call's id.
 */
export async function scheduledCallWorkflow({ scheduleId, template, dialRetry, dialLeadMs }: ScheduledCallInput): Promise<string> {
  const { workflowId, typedSearchAttributes } = workflowInfo();
  const callId = await callIdForRun(workflowId);
  const now = new Date(Date.now()).toISOString();
  const { window, ...fields } = template;
  const call: NewCall = { ...fields, ...(window ? { window } : {}), id: callId, scheduledAt: now, createdAt: now, scheduleId };
  try {
    const child = await startChild(callWorkflow, {
      workflowId: workflowIdForCall(callId),
      args: [{ call, dialRetry, dialLeadMs }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes,
      staticSummary: `Call ${call.phoneNumber}, run of schedule ${scheduleId}`,
    });
    await child.result();
  } catch (error) {
    // Made by an earlier firing of this run; or it ended otherwise than completed (failed, cancelled): the run did its part.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError || error instanceof ChildWorkflowFailure)) throw error;
  }
  return callId;
}
