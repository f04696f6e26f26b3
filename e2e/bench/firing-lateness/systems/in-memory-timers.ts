import type { BenchCall, FiringSystem } from './firing-system';
import { dialProvider } from './provider-dial';

/**
 * No scheduler at all: a timer per call in the bench process, each making the POST at the instant. Nothing
 * durable, so nothing anyone should ship; it is the floor, what the POSTs alone cost the provider and the
 * machine when they all leave at once.
 */
export function inMemoryTimers(providerUrl: string): FiringSystem {
  const timers = new Set<NodeJS.Timeout>();
  return {
    name: 'floor: a timer per call (in memory)',
    areaCode: '212',
    async schedule(calls: readonly BenchCall[], dueAt: Date): Promise<void> {
      for (const call of calls) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          dialProvider(providerUrl, call).catch((error: unknown) => console.error(`the floor's dial of ${call.phoneNumber} failed:`, error));
        }, dueAt.getTime() - Date.now());
        timers.add(timer);
      }
    },
    async stop(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
