import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CallState, NewCall } from '../call-state';

export const DEFAULT_TASK_QUEUE = 'call-scheduler';
export const CALL_WORKFLOW_TYPE = 'callWorkflow';

export function workflowIdForCall(callId: string): string {
  return `call-${callId}`;
}

/** How the provider is retried when placing one dial attempt; part of the input so replays see the same policy. */
export interface DialRetryPolicy {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
  scheduleToCloseMs: number;
}

export const DEFAULT_DIAL_RETRY_POLICY: DialRetryPolicy = {
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 60_000,
  maximumAttempts: 8,
  scheduleToCloseMs: 10 * 60_000,
};

export interface CallWorkflowInput {
  call: NewCall;
  dialRetry: DialRetryPolicy;
}

export const callStateQuery = defineQuery<CallState>('callState');
export const rescheduleUpdate = defineUpdate<CallState, [{ scheduledAt: string }]>('reschedule');
export const startNowUpdate = defineUpdate<CallState, []>('startNow');
export const cancelUpdate = defineUpdate<CallState, [{ reason?: string }]>('cancel');

/** Failure types the workflow raises; clients map them without parsing messages. */
export const CallFailureType = {
  NotPending: 'CallNotPending',
  InvalidSchedule: 'InvalidSchedule',
  ProviderRejected: 'ProviderRejected',
} as const;
export type CallFailureType = (typeof CallFailureType)[keyof typeof CallFailureType];
