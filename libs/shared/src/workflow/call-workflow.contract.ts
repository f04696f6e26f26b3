import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../accounts';
import type { RecordedCallEvent } from '../call-events';
import type { CallState, NewCall } from '../call-state';

export const DEFAULT_TASK_QUEUE = 'call-scheduler';
export const CALL_WORKFLOW_TYPE = 'callWorkflow';

export function workflowIdForCall(callId: string): string {
  return `call-${callId}`;
}

/** The task queue of the dials held until their instant, beside the calls' own: a worker's slots for them are their own. */
export function heldDialTaskQueue(taskQueue: string): string {
  return `${taskQueue}.held-dials`;
}

/** The task queue of the calls in progress being followed: a worker's slots for them never hold back a dial. */
export function callProgressTaskQueue(taskQueue: string): string {
  return `${taskQueue}.call-progress`;
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

/**
 * How long before a dial is due its workflow hands it to a worker, which holds it and dials at the instant:
 * enough to cover the engine's timers and tasks when thousands of calls fall due in the same second.
 */
export const DEFAULT_DIAL_LEAD_MS = 90_000;

/** How much one run of a call's workflow takes before it hands the call over to a fresh run. */
export interface RunLimits {
  /** Commands (updates) taken by the run, retried ones included. */
  updates: number;
  /** Events in the run's history. */
  historyEvents: number;
}

/**
 * Well under Temporal's caps on one run (history.maxTotalUpdates, 2,000 updates; 51,200 events): room for the
 * commands in flight when a run hands over, and a history short enough to replay quickly after a cache miss.
 */
export const DEFAULT_RUN_LIMITS: RunLimits = { updates: 1_000, historyEvents: 4_000 };

export interface CallWorkflowInput {
  call: NewCall;
  dialRetry: DialRetryPolicy;
  /** The dial lead (see DEFAULT_DIAL_LEAD_MS); absent in calls started before it existed, which dial at the instant. */
  dialLeadMs?: number;
  /** DEFAULT_RUN_LIMITS when absent. */
  runLimits?: RunLimits;
  /** Set when a run continues as new: where the previous run left the call. */
  continued?: CallContinuation;
}

/** An event and the call's state right after it, as one write to the projection needs them. */
export interface JournalEntry {
  event: RecordedCallEvent;
  state: CallState;
}

/** What a call's next run takes over from the run before it, which ended to keep its history short. */
export interface CallContinuation {
  state: CallState;
  /** Events the previous run took but had not written to PostgreSQL yet, oldest first. */
  unwritten: JournalEntry[];
  reschedules: number;
  /** Ids of the last updates taken, so one retried across the two runs is not applied twice. */
  recentUpdateIds: string[];
}

export const callStateQuery = defineQuery<CallState>('callState');
/** A workflow search attribute (Keyword) naming the call's account, where the Temporal server has it registered. */
export const ACCOUNT_SEARCH_ATTRIBUTE = 'AccountId';

export const rescheduleUpdate = defineUpdate<CallState, [{ scheduledAt: string; by?: Actor }]>('reschedule');
/** `overrideWindow`: dial now even while the call's calling window is closed; the event records it. */
export const startNowUpdate = defineUpdate<CallState, [{ overrideWindow?: boolean; by?: Actor }]>('startNow');
export const cancelUpdate = defineUpdate<CallState, [{ reason?: string; by?: Actor }]>('cancel');
