import type { ProviderClient } from '@call-scheduler/worker';
import type { BenchCall } from '../firing-system';

export function createBareActivities(provider: ProviderClient) {
  return {
    async dial(call: BenchCall): Promise<void> {
      await provider.placeCall({ to: call.phoneNumber, idempotencyKey: call.idempotencyKey });
    },
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;
