import {
  CALL_WORKFLOW_TYPE,
  CallFailureType,
  cancelUpdate,
  rescheduleUpdate,
  startNowUpdate,
  workflowIdForCall,
  type CallState,
  type CallWorkflowInput,
  type NewCall,
} from '@call-scheduler/shared/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { CallNotPendingError, InvalidCallInputError, SchedulerUnavailableError } from './call.errors';

/** The API's side of the call workflow: start one, send it commands, map its answers to domain errors. */
@Injectable()
export class CallWorkflows {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Starts the call's workflow; starting one that already exists is a no-op, so retries are safe. */
  async start(call: NewCall): Promise<void> {
    const input: CallWorkflowInput = { call, dialRetry: this.config.dialRetry };
    try {
      await this.client.workflow.start(CALL_WORKFLOW_TYPE, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: workflowIdForCall(call.id),
        args: [input],
        staticSummary: `Call ${call.phoneNumber}`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw new SchedulerUnavailableError(error);
    }
  }

  reschedule(callId: string, scheduledAt: string): Promise<CallState> {
    return this.update(callId, (handle) => handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt }] }));
  }

  startNow(callId: string): Promise<CallState> {
    return this.update(callId, (handle) => handle.executeUpdate(startNowUpdate));
  }

  cancel(callId: string): Promise<CallState> {
    return this.update(callId, (handle) => handle.executeUpdate(cancelUpdate, { args: [{ reason: 'cancelled through the API' }] }));
  }

  private async update(callId: string, send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<CallState>): Promise<CallState> {
    try {
      return await send(this.client.workflow.getHandle(workflowIdForCall(callId)));
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

function toDomainError(error: unknown): Error {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    if (error.cause.type === CallFailureType.NotPending) return new CallNotPendingError(String(error.cause.details?.[0] ?? ''));
    if (error.cause.type === CallFailureType.InvalidSchedule) {
      return new InvalidCallInputError('scheduledAt', error.cause.message.replace(/^scheduledAt /, ''));
    }
  }
  if (error instanceof WorkflowNotFoundError) return new CallNotPendingError();
  return new SchedulerUnavailableError(error);
}
