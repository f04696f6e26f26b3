import { ApplicationFailure, Context, log } from '@temporalio/activity';
import { CallFailureType } from '@call-scheduler/shared/workflow';
import type { ProviderCall, ProviderCallStatus } from '../provider/provider-call';
import type { ProviderClient } from '../provider/provider.client';
import { toActivityFailure } from './provider-failure';
import { ProviderHttpError } from '../provider/provider.errors';

export interface AwaitCallProgressInput {
  externalCallId: string;
  knownStatus: ProviderCallStatus;
  /** Answers the status from the first lookup that succeeds, changed or not: the fallback of a call followed by its callbacks. */
  once?: boolean;
}

export interface CallProgress {
  status: ProviderCallStatus;
  durationSeconds: number | null;
}

export interface FollowSettings {
  pollIntervalMs: number;
  /** How long the provider may go without answering about a call before the call is given up as lost. */
  lostAfterMs: number;
}

/** The longest wait between two lookups that failed: short next to the heartbeat timeout, since one goes before each. */
const MAX_LOOKUP_BACKOFF_MS = 5_000;

/**
 * Polls the provider, heartbeating before each lookup, until the call's status differs from the one the
 * workflow knows. A failed lookup is tried again, with backoff, until the provider has said nothing about
 * the call for `lostAfterMs`: a provider's brownout must not end a call that goes on. Only a lookup the
 * provider refuses for good ends the follow-up at once.
 */
export function createAwaitCallProgress(provider: ProviderClient, { pollIntervalMs, lostAfterMs }: FollowSettings) {
  return async function awaitCallProgress({ externalCallId, knownStatus, once }: AwaitCallProgressInput): Promise<CallProgress> {
    const context = Context.current();
    let lastAnswerAt = lastAnswerBefore(context) ?? Date.now();
    for (let failures = 0; ; ) {
      context.heartbeat(lastAnswerAt);
      let call: ProviderCall;
      try {
        call = await provider.getCall(externalCallId, context.cancellationSignal);
      } catch (error) {
        if (context.cancellationSignal.aborted) throw error;
        failures += 1;
        await context.sleep(lookAgainIn(error, lastAnswerAt, { pollIntervalMs, lostAfterMs }, failures));
        continue;
      }
      lastAnswerAt = Date.now();
      failures = 0;
      if (call.status !== knownStatus || once) return { status: call.status, durationSeconds: call.durationSeconds };
      await context.sleep(pollIntervalMs);
    }
  };
}

/** When the provider last answered, as an attempt on a worker that died left it: the bound holds across attempts. */
function lastAnswerBefore(context: Context): number | undefined {
  const details: unknown = context.info.heartbeatDetails;
  return typeof details === 'number' ? details : undefined;
}

/** When to look again after a failed lookup; throws once the provider has been silent for too long. */
function lookAgainIn(error: unknown, lastAnswerAt: number, settings: FollowSettings, failures: number): number {
  const failure = toActivityFailure(error);
  if (failure instanceof ApplicationFailure && failure.nonRetryable) throw failure;
  const silentForMs = Date.now() - lastAnswerAt;
  const reason = error instanceof Error ? error.message : String(error);
  if (silentForMs >= settings.lostAfterMs) {
    throw ApplicationFailure.create({
      type: CallFailureType.ProviderSilent,
      message: `the provider has not answered about the call for ${Math.round(silentForMs / 1000)} s (last: ${reason})`,
      nonRetryable: true,
    });
  }
  log.warn('Provider lookup failed; trying again', { failures, error: reason });
  const backoffMs = Math.max(settings.pollIntervalMs * 2 ** (failures - 1), (error instanceof ProviderHttpError && error.retryAfterMs) || 0);
  return Math.min(backoffMs, MAX_LOOKUP_BACKOFF_MS);
}

