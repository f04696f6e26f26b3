import { Context } from '@temporalio/activity';
import type { ProviderCallStatus } from '../provider/provider-call';
import type { ProviderClient } from '../provider/provider.client';
import { toActivityFailure } from './provider-failure';

export interface AwaitCallProgressInput {
  externalCallId: string;
  knownStatus: ProviderCallStatus;
}

export interface CallProgress {
  status: ProviderCallStatus;
  durationSeconds: number | null;
}

/** Polls the provider, heartbeating, until the call's status differs from the one the workflow knows. */
export function createAwaitCallProgress(provider: ProviderClient, pollIntervalMs: number) {
  return async function awaitCallProgress({ externalCallId, knownStatus }: AwaitCallProgressInput): Promise<CallProgress> {
    const context = Context.current();
    for (;;) {
      const call = await provider.getCall(externalCallId, context.cancellationSignal).catch((error: unknown) => {
        throw toActivityFailure(error);
      });
      if (call.status !== knownStatus) return { status: call.status, durationSeconds: call.durationSeconds };
      context.heartbeat(call.status);
      await context.sleep(pollIntervalMs);
    }
  };
}
