import { proxyActivities, proxyLocalActivities, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import { CallFailureType, DIAL_RESERVATION_LEASE_MS, callProgressTaskQueue, heldDialTaskQueue, type DialRetryPolicy } from '@call-scheduler/shared/workflow';
import type { CallActivities } from '../activities';

export type CallWorkflowActivities = Pick<
  CallActivities,
  | 'reserveDial'
  | 'releaseDial'
  | 'placeCall'
  | 'placeCallWhenDue'
  | 'callOffHeldDial'
  | 'awaitCallProgress'
  | 'recordCallEvents'
  | 'callingWindowAt'
> & {
  /** placeCall again, for a dial whose outcome is unknown: asked with the same key until the provider answers. */
  confirmDial: CallActivities['placeCall'];
};

/**
 * How soon a dial, held or under way, is taken for lost with its worker, and Temporal sends it to another:
 * the most one worker's death makes a dial late by. In the crash soak (a worker killed every 3 to 6 s), 3 s
 * gave p99 3.9 s and max 7.0 s, against 5.6 s and 11.6 s with 5 s; its dials' workers send a beat every second
 * (call-worker.ts), so a beat has 2 s to reach Temporal. A worker stalled past it only has its dial sent by
 * another as well, with the same claim and idempotency key.
 */
const DIAL_HEARTBEAT_TIMEOUT_MS = 3_000;

/**
 * A projection write or a spend-cap query takes milliseconds; one whose worker died is retried after this.
 * No longer than a connection may take to open (5 s, libs/db), past which the attempt fails anyway.
 */
const DATABASE_ACTIVITY_TIMEOUT = '5 seconds';

/**
 * How the PostgreSQL activities are retried while the database is away. The longest wait between two tries
 * is how long after its return a call may still wait to be written or dialled: with a minute, calls due in a
 * two-minute outage had all ended 51 s after it; each call in the middle of a change retries every 5 s at most.
 */
const DATABASE_RETRY = { initialInterval: '200 milliseconds', maximumInterval: '5 seconds' } as const;

/**
 * How long a dial whose outcome is unknown is asked again with its idempotency key: within the day for
 * which providers keep keys (Stripe: 24 hours), and short enough that a dial the provider never took is
 * not made hours after its time.
 */
export const DIAL_CONFIRM_WINDOW_MS = 60 * 60_000;

/** The longest a call is followed from one status to the next. */
const FOLLOW_UP_BOUND = '4 hours';

/**
 * How long after its instant a held dial lost with its workers is still sent again by another: a few workers'
 * deaths in a row. Past it, the run makes sure of the dial through placeCall, within the dial's retry policy.
 */
const HELD_DIAL_RETRY_WINDOW_MS = 60_000;

/**
 * How long before its instant a worker takes up a held dial that Temporal retries: until then it waits in
 * Temporal as a retry timer, and heartbeats nowhere. A 1,000-call burst's dials then heartbeat for 30 s, not
 * for the whole lead (90 s): p99 0.4 s against 1.0 s, in one quick round each. 15 s was too short for Temporal
 * to hand out the thousand retries in time while it was busy.
 */
const HELD_DIAL_TAKE_UP_MS = 30_000;

export interface HeldDialOptions {
  /** How long before its instant a dial is handed to a worker. */
  leadMs: number;
  /** Whether Temporal sends a held dial lost with its worker to another at once; runs from before that decide themselves. */
  retried: boolean;
}

/** The activities a call workflow uses, each with the timeouts and bounded retries that fit it. */
export function callActivities(dialRetry: DialRetryPolicy, heldDial: HeldDialOptions = { leadMs: 0, retried: false }): CallWorkflowActivities {
  // The request's own timeout (PROVIDER_TIMEOUT_MS, 10 s by default) fits in the start-to-close timeout; a
  // worker that dies with it is noticed by the heartbeat timeout.
  const { placeCall } = proxyActivities<CallActivities>({
    startToCloseTimeout: '30 seconds',
    heartbeatTimeout: DIAL_HEARTBEAT_TIMEOUT_MS,
    scheduleToCloseTimeout: dialRetry.scheduleToCloseMs,
    retry: {
      initialInterval: dialRetry.initialIntervalMs,
      backoffCoefficient: dialRetry.backoffCoefficient,
      maximumInterval: dialRetry.maximumIntervalMs,
      maximumAttempts: dialRetry.maximumAttempts,
      nonRetryableErrorTypes: [CallFailureType.ProviderRejected],
    },
  });
  // The follow-up tries failed lookups again itself, bounded by how long the provider has been silent; Temporal
  // retries it only when its worker is lost, bounded by the longest call followed.
  const { placeCall: confirmDial } = proxyActivities<CallActivities>({
    startToCloseTimeout: '30 seconds',
    heartbeatTimeout: DIAL_HEARTBEAT_TIMEOUT_MS,
    scheduleToCloseTimeout: DIAL_CONFIRM_WINDOW_MS,
    retry: {
      initialInterval: dialRetry.initialIntervalMs,
      backoffCoefficient: dialRetry.backoffCoefficient,
      maximumInterval: dialRetry.maximumIntervalMs,
      nonRetryableErrorTypes: [CallFailureType.ProviderRejected],
    },
  });
  const { awaitCallProgress } = proxyActivities<CallActivities>({
    taskQueue: callProgressTaskQueue(workflowInfo().taskQueue),
    startToCloseTimeout: FOLLOW_UP_BOUND,
    scheduleToCloseTimeout: FOLLOW_UP_BOUND,
    // Short, so a crashed worker's follow-up is retried elsewhere within seconds; a lookup times out in under a third of it.
    heartbeatTimeout: '10 seconds',
    retry: {
      initialInterval: '500 milliseconds',
      maximumInterval: '10 seconds',
      nonRetryableErrorTypes: [CallFailureType.ProviderRejected, CallFailureType.ProviderSilent],
    },
  });
  // Projection writes must outlast a database restart, so they retry for long, but not forever.
  const { recordCallEvents } = proxyActivities<CallActivities>({
    startToCloseTimeout: DATABASE_ACTIVITY_TIMEOUT,
    scheduleToCloseTimeout: '24 hours',
    retry: DATABASE_RETRY,
  });
  // Retried through a database restart; past that the call fails, with the reason, rather than wait unseen.
  const { reserveDial } = proxyActivities<CallActivities>({
    startToCloseTimeout: DATABASE_ACTIVITY_TIMEOUT,
    scheduleToCloseTimeout: '10 minutes',
    retry: DATABASE_RETRY,
  });
  // Worth retrying for as long as the reservation would hold a place among the calls in progress.
  const { releaseDial } = proxyActivities<CallActivities>({
    startToCloseTimeout: DATABASE_ACTIVITY_TIMEOUT,
    scheduleToCloseTimeout: DIAL_RESERVATION_LEASE_MS,
    retry: DATABASE_RETRY,
  });
  const { placeCallWhenDue } = proxyActivities<CallActivities>({
    taskQueue: heldDialTaskQueue(workflowInfo().taskQueue),
    startToCloseTimeout: heldDial.leadMs + 30_000,
    heartbeatTimeout: DIAL_HEARTBEAT_TIMEOUT_MS,
    ...heldDialRetry(heldDial),
  });
  // A command waits on it: retried for as long as a command is, then the command finds the dial made or not.
  const { callOffHeldDial } = proxyActivities<CallActivities>({
    startToCloseTimeout: '5 seconds',
    scheduleToCloseTimeout: '15 seconds',
    retry: { initialInterval: '100 milliseconds', maximumInterval: '2 seconds' },
  });
  // Reckoned on the workflow's own worker, in a millisecond; a failure is a bug in the window, so it is not retried for long.
  const { callingWindowAt } = proxyLocalActivities<CallActivities>({
    startToCloseTimeout: '5 seconds',
    retry: { maximumAttempts: 3 },
  });
  return {
    reserveDial,
    releaseDial,
    placeCall,
    confirmDial,
    placeCallWhenDue: heldDial.retried ? (input) => placeCallWhenDue({ ...input, takeUpWithinMs: HELD_DIAL_TAKE_UP_MS }) : placeCallWhenDue,
    callOffHeldDial,
    awaitCallProgress,
    recordCallEvents,
    callingWindowAt,
  };
}

/**
 * A held dial fails for good on anything but the loss of its worker (placeCallWhenDue's errors are final),
 * and the run decides what that means (see held-dial.ts). A lost worker's dial goes to another worker straight
 * from Temporal, with no workflow task on the way, which a crash may hold up for seconds more: it is held
 * again, or if the instant has come, claimed again and sent with the same idempotency key. Until it is taken
 * up (HELD_DIAL_TAKE_UP_MS), it waits as a retry too.
 */
function heldDialRetry({ leadMs, retried }: HeldDialOptions): Pick<ActivityOptions, 'retry' | 'scheduleToCloseTimeout'> {
  if (!retried) return { retry: { maximumAttempts: 1 } };
  return {
    scheduleToCloseTimeout: leadMs + HELD_DIAL_RETRY_WINDOW_MS,
    retry: { initialInterval: '100 milliseconds', backoffCoefficient: 1, maximumInterval: '100 milliseconds' },
  };
}
