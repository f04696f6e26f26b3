import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  defineUpdate,
  isCancellation,
  setHandler,
} from '@temporalio/workflow';
import {
  CallFailureType,
  cancelUpdate,
  callStateQuery,
  decide,
  newCallState,
  rescheduleUpdate,
  type CallCommand,
  type CallState,
  type CallWorkflowInput,
  type RetryableOutcome,
} from '@call-scheduler/shared/workflow';
import type { ProviderCallStatus } from '../../provider/provider-call';
import { callActivities } from '../call-activities';
import { sleepUntil } from './deadline';
import { failureMessage } from '../failure-message';
import { CallRecorder } from './call-recorder';
import { recordCallEvent } from './record-call-event';

type DialOutcome = 'completed' | 'failed' | RetryableOutcome;

/** Start-now as these runs took it, before commands carried who sent them. */
const legacyStartNowUpdate = defineUpdate<CallState, []>('startNow');

/**
 * The call workflow as it was before its events were recorded from the history. Calls started
 * before that change replay and finish on this code; new calls never run it. Once no such call
 * is left running, `patched()` in call.workflow.ts becomes `deprecatePatch()` and this folder goes.
 */
export async function legacyCallWorkflow({ call, dialRetry }: CallWorkflowInput): Promise<CallState> {
  const { placeCall, awaitCallProgress } = callActivities(dialRetry);
  const recorder = new CallRecorder(newCallState(call), recordCallEvent);
  let dueAt = Date.parse(call.scheduledAt);
  let cancelled = false;
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

  const assertAccepted = (command: CallCommand): void => {
    const decision = decide(recorder.state, command, { now: Date.now(), reschedules: 0 });
    if (cancelled || !decision.accepted) {
      throw ApplicationFailure.create({
        type: decision.accepted ? CallFailureType.NotPending : decision.rejection,
        message: decision.accepted ? 'The call is cancelled and no longer pending' : decision.message,
        details: [recorder.state.status],
      });
    }
  };

  setHandler(callStateQuery, () => recorder.state);
  setHandler(
    rescheduleUpdate,
    ({ scheduledAt }) => {
      dueAt = Date.parse(scheduledAt);
      return recorder.emit({ type: 'CallRescheduled', data: { scheduledAt: new Date(scheduledAt).toISOString(), startNow: false } });
    },
    { validator: ({ scheduledAt }) => assertAccepted({ type: 'reschedule', scheduledAt }) },
  );
  setHandler(
    legacyStartNowUpdate,
    () => {
      dueAt = Date.now();
      return recorder.emit({ type: 'CallRescheduled', data: { scheduledAt: new Date().toISOString(), startNow: true } });
    },
    { validator: () => assertAccepted({ type: 'startNow' }) },
  );
  setHandler(
    cancelUpdate,
    ({ reason }) => {
      cancelled = true;
      return recorder.emit({ type: 'CallCancelled', data: { reason: reason ?? 'cancelled by request' } });
    },
    { validator: (_request) => assertAccepted({ type: 'cancel', reason: '' }) },
  );

  async function dial(attempt: number): Promise<DialOutcome> {
    const { version } = await recorder.emit({ type: 'DialAttemptStarted', data: { attempt } });
    // After a start-now, its write and this one ran together. Live, the start-now was answered before
    // the call was placed only when its write finished first; replaying, the SDK finishes both writes
    // at once and would always place the call first. Following the order the writes finished in, as
    // the history's markers give it, reproduces the history.
    if (recorder.writtenAfterEveryEarlier(version)) await condition(allHandlersFinished);
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
      if (!(await sleepUntil(() => dueAt, () => cancelled)) || cancelled) return;
      const outcome = await dial(attempt);
      if (outcome === 'completed' || outcome === 'failed') return;
      const retryAt = attempt < recorder.state.maxAttempts ? Date.now() + recorder.state.retryDelaySeconds * 1000 : null;
      if (retryAt !== null) dueAt = retryAt;
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
