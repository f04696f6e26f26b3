import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  isCancellation,
  setHandler,
} from '@temporalio/workflow';
import {
  CALL_LIMITS,
  CallFailureType,
  cancelUpdate,
  callStateQuery,
  isPending,
  newCallState,
  rescheduleUpdate,
  startNowUpdate,
  type CallState,
  type CallWorkflowInput,
  type RetryableOutcome,
} from '@call-scheduler/shared/workflow';
import type { ProviderCallStatus } from '../provider/provider-call';
import { callActivities } from './call-activities';
import { CallRecorder } from './call-recorder';
import { Deadline } from './deadline';

type DialOutcome = 'completed' | 'failed' | RetryableOutcome;

/** One call: wait until it is due, dial, follow it to its end, dial again after no answer or busy. */
export async function callWorkflow({ call, dialRetry }: CallWorkflowInput): Promise<CallState> {
  const { placeCall, awaitCallProgress, recordCallEvent } = callActivities(dialRetry);
  const recorder = new CallRecorder(newCallState(call), recordCallEvent);
  const deadline = new Deadline(Date.parse(call.scheduledAt));
  let cancelled = false;
  // Applied before any handler exists: an update delivered with the start must find the call scheduled.
  const scheduled = recorder.emit({
    type: 'CallScheduled',
    data: {
      phoneNumber: call.phoneNumber,
      note: call.note,
      scheduledAt: call.scheduledAt,
      maxAttempts: call.maxAttempts,
      retryDelaySeconds: call.retryDelaySeconds,
    },
  });

  const assertPending = (): void => {
    if (cancelled || !isPending(recorder.state)) {
      throw ApplicationFailure.create({
        type: CallFailureType.NotPending,
        message: `The call is ${recorder.state.status} and no longer pending`,
        details: [recorder.state.status],
      });
    }
  };

  setHandler(callStateQuery, () => recorder.state);
  setHandler(
    rescheduleUpdate,
    ({ scheduledAt }) => {
      deadline.moveTo(Date.parse(scheduledAt));
      return recorder.emit({ type: 'CallRescheduled', data: { scheduledAt: new Date(scheduledAt).toISOString(), startNow: false } });
    },
    {
      validator: ({ scheduledAt }) => {
        assertPending();
        assertSchedulable(scheduledAt);
      },
    },
  );
  setHandler(
    startNowUpdate,
    () => {
      deadline.moveTo(Date.now());
      return recorder.emit({ type: 'CallRescheduled', data: { scheduledAt: new Date().toISOString(), startNow: true } });
    },
    { validator: assertPending },
  );
  setHandler(
    cancelUpdate,
    ({ reason }) => {
      cancelled = true;
      return recorder.emit({ type: 'CallCancelled', data: { reason: reason ?? 'cancelled by request' } });
    },
    { validator: (_request) => assertPending() },
  );

  async function dial(attempt: number): Promise<DialOutcome> {
    await recorder.emit({ type: 'DialAttemptStarted', data: { attempt } });
    let externalCallId: string;
    try {
      ({ externalCallId } = await placeCall({ callId: call.id, attempt, to: recorder.state.phoneNumber }));
    } catch (error) {
      if (isCancellation(error)) throw error;
      await recorder.emit({ type: 'CallFailed', data: { reason: `The provider did not take the call: ${failureMessage(error)}` } });
      return 'failed';
    }
    await recorder.emit({ type: 'ProviderAccepted', data: { externalCallId } });
    return follow(externalCallId);
  }

  async function follow(externalCallId: string): Promise<DialOutcome> {
    let known: ProviderCallStatus = 'queued';
    for (;;) {
      let progress;
      try {
        progress = await awaitCallProgress({ externalCallId, knownStatus: known });
      } catch (error) {
        if (isCancellation(error)) throw error;
        await recorder.emit({ type: 'CallFailed', data: { reason: `Lost track of the call: ${failureMessage(error)}` } });
        return 'failed';
      }
      known = progress.status;
      switch (progress.status) {
        case 'queued':
          break;
        case 'ringing':
          await recorder.emit({ type: 'CallRinging', data: {} });
          break;
        case 'in_progress':
          await recorder.emit({ type: 'CallAnswered', data: {} });
          break;
        case 'completed':
          await recorder.emit({ type: 'CallCompleted', data: { durationSeconds: progress.durationSeconds ?? 0 } });
          return 'completed';
        case 'no_answer':
        case 'busy':
          return progress.status;
        case 'failed':
          await recorder.emit({ type: 'CallFailed', data: { reason: 'The provider reported the call failed' } });
          return 'failed';
      }
    }
  }

  async function dialUntilDone(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (!(await deadline.reached(() => cancelled)) || cancelled) return;
      const outcome = await dial(attempt);
      if (outcome === 'completed' || outcome === 'failed') return;
      const retryAt = attempt < recorder.state.maxAttempts ? Date.now() + recorder.state.retryDelaySeconds * 1000 : null;
      if (retryAt !== null) deadline.moveTo(retryAt);
      await recorder.emit({
        type: 'CallUnanswered',
        data: { outcome, nextAttemptAt: retryAt === null ? null : new Date(retryAt).toISOString() },
      });
      if (retryAt === null) return;
    }
  }

  try {
    await scheduled;
    await dialUntilDone();
  } catch (error) {
    if (!isCancellation(error)) throw error;
    await CancellationScope.nonCancellable(async () => {
      await recorder.emit({ type: 'CallCancelled', data: { reason: 'The workflow was cancelled' } });
      await condition(allHandlersFinished);
    });
    throw error;
  }
  await condition(allHandlersFinished);
  return recorder.state;
}

function assertSchedulable(scheduledAt: string): void {
  const at = Date.parse(scheduledAt);
  const problem = Number.isNaN(at)
    ? 'is not a valid time'
    : at < Date.now() - CALL_LIMITS.pastToleranceMs
      ? 'is in the past'
      : at > Date.now() + CALL_LIMITS.maxScheduleAheadMs
        ? 'is too far ahead'
        : null;
  if (problem) {
    throw ApplicationFailure.create({ type: CallFailureType.InvalidSchedule, message: `scheduledAt ${problem}` });
  }
}

function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}
