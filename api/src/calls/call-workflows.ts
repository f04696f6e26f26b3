import {
  CALL_WORKFLOW_TYPE,
  CallFailureType,
  cancelUpdate,
  providerStatusSignal,
  rescheduleUpdate,
  startNowUpdate,
  workflowIdForCall,
  type Actor,
  type CallState,
  type CallWorkflowInput,
  type NewCall,
  type ProviderStatusReport,
} from '@call-scheduler/shared/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { AccountSearchAttribute } from '../temporal/account-search-attribute';
import { CallNotPendingError, CommandUnconfirmedError, InvalidCallInputError, RescheduleLimitReachedError } from './call.errors';

/** How long a command is asked again, under the same update id, while Temporal's answer is lost or late. */
const COMMAND_RETRY_BUDGET_MS = 15_000;
const COMMAND_RETRY_MAX_DELAY_MS = 2_000;
/**
 * How long a worker may take over one of a call's workflow tasks before another worker is given it (Temporal's
 * default is 10 s): what a worker that dies mid-task costs the call. A call's task replays a short history and
 * takes milliseconds, under a burst of a thousand too (docs/PERFORMANCE.md).
 */
const WORKFLOW_TASK_TIMEOUT = '5 seconds';

type Send = (handle: WorkflowHandle, updateId: string) => Promise<CallState>;

/** The API's side of the call workflow: start one, send it commands, map its answers to domain errors. */
@Injectable()
export class CallWorkflows {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(AccountSearchAttribute) private readonly searchAttributes: AccountSearchAttribute,
  ) {}

  /** Starts the call's workflow; starting one that already exists is a no-op, so retries are safe. Fails as Temporal does. */
  async start(call: NewCall): Promise<void> {
    const input: CallWorkflowInput = { call, dialRetry: this.config.dialRetry, dialLeadMs: this.config.dialLeadMs };
    try {
      await this.client.workflow.start(CALL_WORKFLOW_TYPE, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: workflowIdForCall(call.id),
        args: [input],
        staticSummary: `Call ${call.phoneNumber}`,
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        typedSearchAttributes: this.searchAttributes.of(call.accountId),
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** Passes a status the provider reported to the call's workflow; a call whose workflow has ended has no use for it. */
  async reportProviderStatus(callId: string, report: ProviderStatusReport): Promise<void> {
    try {
      await this.client.workflow.getHandle(workflowIdForCall(callId)).signal(providerStatusSignal, report);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  reschedule(callId: string, scheduledAt: string, by: Actor): Promise<CallState> {
    return this.command(callId, (handle, updateId) => handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt, by }], updateId }));
  }

  startNow(callId: string, by: Actor, overrideWindow: boolean): Promise<CallState> {
    const args = overrideWindow ? { by, overrideWindow } : { by };
    return this.command(callId, (handle, updateId) => handle.executeUpdate(startNowUpdate, { args: [args], updateId }));
  }

  cancel(callId: string, by: Actor): Promise<CallState> {
    return this.command(callId, (handle, updateId) =>
      handle.executeUpdate(cancelUpdate, { args: [{ reason: 'cancelled through the API', by }], updateId }),
    );
  }

  /**
   * Sends a command as a Temporal Update and returns the workflow's answer. When the answer is lost
   * (a connection dropped, the update aborted by the server), the command is sent again under the
   * same update id: Temporal takes it at most once and hands back the first answer.
   */
  private async command(callId: string, send: Send): Promise<CallState> {
    const handle = this.client.workflow.getHandle(workflowIdForCall(callId));
    const updateId = randomUUID();
    const giveUpAt = Date.now() + COMMAND_RETRY_BUDGET_MS;
    for (let delay = 100; ; delay = Math.min(delay * 2, COMMAND_RETRY_MAX_DELAY_MS)) {
      try {
        return await send(handle, updateId);
      } catch (error) {
        const domainError = toDomainError(error);
        if (!(domainError instanceof CommandUnconfirmedError) || Date.now() + delay > giveUpAt) throw domainError;
        await sleep(delay);
      }
    }
  }
}

function toDomainError(error: unknown): Error {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message, details } = error.cause;
    if (type === CallFailureType.NotPending) return new CallNotPendingError(String(details?.[0] ?? ''));
    if (type === CallFailureType.InvalidSchedule) return new InvalidCallInputError('scheduledAt', message.replace(/^scheduledAt /, ''));
    if (type === CallFailureType.RescheduleLimitReached) return new RescheduleLimitReachedError(message);
  }
  // The workflow has closed: it ended, or it ended while the command waited to be taken.
  if (error instanceof WorkflowNotFoundError) return new CallNotPendingError();
  return new CommandUnconfirmedError(error);
}
