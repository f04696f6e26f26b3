import type { BenchCall } from '../firing-system';
import { dialProvider } from '../provider-dial';

export function createBareActivities(providerUrl: string) {
  return {
    async dial(call: BenchCall): Promise<void> {
      await dialProvider(providerUrl, call);
    },
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;
