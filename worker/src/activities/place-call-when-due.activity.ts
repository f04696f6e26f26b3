import { ApplicationFailure, CancelledFailure, type Context } from '@temporalio/activity';
import { ApplicationFailureCategory } from '@temporalio/common';
import type { HeldDialClaim, HeldDialOutcome } from '@call-scheduler/db';
import { CallFailureType } from '@call-scheduler/shared/workflow';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProviderClient } from '../provider/provider.client';
import { heartbeating } from './heartbeating';
import type { HeldDialClaims } from './held-dial-claims';
import { dialRequest, followedBy, type StatusCallbacks } from './dial-request';
import type { PlaceCallInput, PlacedCall } from './place-call.activity';
import { toActivityFailure } from './provider-failure';

export interface PlaceCallWhenDueInput extends PlaceCallInput {
  /** The instant to dial at, never before. */
  dueAt: string;
  /** This hold's name in PostgreSQL, where it is either claimed just before the instant or called off first. */
  holdId: string;
  /** The account whose do-not-call list the claim checks; absent for calls made before accounts. */
  accountId?: string;
  /**
   * How long before the instant a worker takes the hold up. Until then it waits in Temporal, as a retry
   * due then, where it costs no worker a slot nor Temporal a heartbeat. Absent: taken up at once.
   */
  takeUpWithinMs?: number;
}

/** The time a held dial is made at: the worker's own clock, or in tests the test server's, which skips ahead. */
export type Clock = () => number;

/**
 * `placed: false`: called off, or given up before its instant, or `blocked` because the number was on its
 * account's do-not-call list when the dial was claimed; in each case nothing was dialled.
 */
export type HeldDialResult = ({ placed: true } & PlacedCall) | { placed: false; blocked?: true };

/** How long a claim is retried, heartbeating, while PostgreSQL cannot be reached. */
const CLAIM_RETRY_MS = 30_000;
/**
 * How long before the instant a hold is claimed, so that the claims of a burst are written by then and the
 * POSTs leave at the instant itself; a command in this last moment finds the call being dialled.
 */
export const CLAIM_AHEAD_MS = 200;
/**
 * How long before the instant a held dial opens its connection to the provider: time for the handshakes of a
 * burst of a thousand, which the claim's 0.2 s is not. Nothing is sent on it before the instant.
 */
export const CONNECT_AHEAD_MS = 1_000;

/**
 * Holds a dial on this worker until just before its instant: opens its connection to the provider a second
 * ahead, claims the dial in PostgreSQL 0.2 s ahead, and sends the request once, at the instant. The
 * workflow starts it a lead ahead of time, so that a burst of calls due in the same second no longer waits
 * on the engine's timers and tasks at that second. A command calls the hold off in PostgreSQL; the claim
 * and the call-off cannot both win, so a call-off that wins means nothing is dialled. The idempotency key
 * is placeCall's, so a retry of the same attempt by either activity gets the same provider call back: a
 * worker that takes up the hold of one that died after its claim claims it again and sends it again.
 */
export function createPlaceCallWhenDue(provider: ProviderClient, claims: HeldDialClaims, clock: Clock = Date.now, callbacks?: StatusCallbacks) {
  return function placeCallWhenDue(input: PlaceCallWhenDueInput): Promise<HeldDialResult> {
    const { to, dueAt, holdId, accountId, takeUpWithinMs } = input;
    const early = Date.parse(dueAt) - clock() - (takeUpWithinMs ?? Infinity);
    if (early > 0) throw notYetDue(early);
    return heartbeating(async (context) => {
      try {
        const at = Date.parse(dueAt);
        if (!(await holdUntil(at - CONNECT_AHEAD_MS, clock, context))) return { placed: false };
        const call = provider.prepareCall(dialRequest(input, callbacks));
        try {
          if (!(await holdUntil(at - CLAIM_AHEAD_MS, clock, context))) return { placed: false };
          const decision = await claim(claims, { holdId, accountId, phoneNumber: to });
          if (decision !== 'dialled') return decision === 'blocked' ? { placed: false, blocked: true } : { placed: false };
          await untilTheClockReaches(at, clock);
          const { id } = await call.place();
          return { placed: true, externalCallId: id, ...followedBy(callbacks) };
        } finally {
          call.discard();
        }
      } catch (error) {
        throw finalFailure(toActivityFailure(error));
      }
    });
  };
}

/** Sends the hold back to wait in Temporal; expected, so the worker logs it at DEBUG only. */
function notYetDue(inMs: number): ApplicationFailure {
  return ApplicationFailure.create({
    type: CallFailureType.HeldDialNotYetDue,
    message: `Taken up ${inMs} ms from now`,
    nextRetryDelay: inMs,
    category: ApplicationFailureCategory.BENIGN,
  });
}

/** Temporal retries a held dial only when its worker is lost; the run decides on every failure it saw (held-dial.ts). */
function finalFailure(error: unknown): unknown {
  return error instanceof CancelledFailure ? error : ApplicationFailure.fromError(error, { nonRetryable: true });
}

/** Node's timers may wake a millisecond before a Date.now() deadline (nodejs/node#26578): never dial before it. */
async function untilTheClockReaches(at: number, clock: Clock): Promise<void> {
  while (clock() < at) await sleep(at - clock());
}

/** Waits until `at` (true), or until the activity is cancelled first (false). */
async function holdUntil(at: number, clock: Clock, context: Context): Promise<boolean> {
  try {
    await context.sleep(Math.max(0, at - clock()));
    return true;
  } catch (error) {
    if (error instanceof CancelledFailure) return false;
    throw error;
  }
}

async function claim(claims: HeldDialClaims, asked: HeldDialClaim): Promise<HeldDialOutcome> {
  const giveUpAt = Date.now() + CLAIM_RETRY_MS;
  // Tried again often: a dial that waits on its claim is late by as much as PostgreSQL was away, and no more.
  for (let delay = 100; ; delay = Math.min(delay * 2, 1_000)) {
    try {
      return await claims.claim(asked);
    } catch (error) {
      if (Date.now() + delay > giveUpAt) {
        throw ApplicationFailure.create({ type: CallFailureType.HeldDialUnclaimed, message: `Could not claim the held dial: ${String(error)}`, nonRetryable: true });
      }
      await sleep(delay);
    }
  }
}
