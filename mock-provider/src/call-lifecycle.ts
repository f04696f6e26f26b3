import type { Behaviour, Outcome } from './behaviour';

export type ProviderCallStatus = 'queued' | 'ringing' | 'in_progress' | Outcome;

/** Where a failed call gives up: before the phone rings, or while it rings. */
export type FailurePoint = 'queued' | 'ringing';

/** Milestones of one call as offsets from its creation, fixed when the call is created. */
export interface CallLifecycle {
  outcome: Outcome;
  ringsAfterMs?: number;
  answeredAfterMs?: number;
  endsAfterMs: number;
}

/** One status the call enters, and when, as an offset from its creation. */
export interface StatusChange {
  status: ProviderCallStatus;
  afterMs: number;
}

export interface CallProgress {
  status: ProviderCallStatus;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number;
}

export function planLifecycle(outcome: Outcome, timing: Behaviour['timing'], failurePoint: FailurePoint): CallLifecycle {
  const ringsAfterMs = timing.queuedMs;
  const stopsRingingAfterMs = ringsAfterMs + timing.ringingMs;
  switch (outcome) {
    case 'completed':
      return { outcome, ringsAfterMs, answeredAfterMs: stopsRingingAfterMs, endsAfterMs: stopsRingingAfterMs + timing.talkMs };
    case 'no_answer':
      return { outcome, ringsAfterMs, endsAfterMs: stopsRingingAfterMs };
    case 'busy':
      return { outcome, endsAfterMs: ringsAfterMs };
    case 'failed':
      return failurePoint === 'ringing'
        ? { outcome, ringsAfterMs, endsAfterMs: stopsRingingAfterMs }
        : { outcome, endsAfterMs: ringsAfterMs };
  }
}

export function progressAt(lifecycle: CallLifecycle, createdAt: number, now: number): CallProgress {
  const elapsed = now - createdAt;
  const { answeredAfterMs, endsAfterMs } = lifecycle;
  const answered = answeredAfterMs !== undefined && elapsed >= answeredAfterMs;
  const ended = elapsed >= endsAfterMs;
  return {
    status: statusAt(lifecycle, elapsed),
    startedAt: answered ? iso(createdAt + answeredAfterMs) : null,
    endedAt: ended ? iso(createdAt + endsAfterMs) : null,
    durationSeconds: answered ? Math.round((Math.min(elapsed, endsAfterMs) - answeredAfterMs) / 1000) : 0,
  };
}

/** Every status the call goes through, in order: only those its outcome passes through. */
export function statusChanges(lifecycle: CallLifecycle): StatusChange[] {
  const { ringsAfterMs, answeredAfterMs } = lifecycle;
  const changes: StatusChange[] = [{ status: 'queued', afterMs: 0 }];
  if (ringsAfterMs !== undefined) changes.push({ status: 'ringing', afterMs: ringsAfterMs });
  if (answeredAfterMs !== undefined) changes.push({ status: 'in_progress', afterMs: answeredAfterMs });
  changes.push({ status: lifecycle.outcome, afterMs: lifecycle.endsAfterMs });
  return changes;
}

function statusAt(lifecycle: CallLifecycle, elapsed: number): ProviderCallStatus {
  if (elapsed >= lifecycle.endsAfterMs) return lifecycle.outcome;
  if (lifecycle.answeredAfterMs !== undefined && elapsed >= lifecycle.answeredAfterMs) return 'in_progress';
  if (lifecycle.ringsAfterMs !== undefined && elapsed >= lifecycle.ringsAfterMs) return 'ringing';
  return 'queued';
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
