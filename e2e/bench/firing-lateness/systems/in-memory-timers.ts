import { CONNECT_AHEAD_MS } from '@call-scheduler/worker';
import type { BenchCall, FiringSystem } from './firing-system';
import { providerClient } from './provider-client';

/**
 * No scheduler at all: timers in the bench process that open each call's connection to the provider as the
 * project's held dials do, then send its POST at the instant. Nothing durable, so nothing anyone should ship;
 * it is the floor, what the POSTs alone cost the provider and the machine when they all leave at once.
 */
export function inMemoryTimers(providerUrl: string): FiringSystem {
  const timers = new Set<NodeJS.Timeout>();
  const provider = providerClient(providerUrl);
  const after = (ms: number, task: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  };
  return {
    name: 'floor: a timer per call (in memory)',
    areaCode: '305',
    async schedule(calls: readonly BenchCall[], dueAt: Date): Promise<void> {
      for (const call of calls) {
        after(dueAt.getTime() - CONNECT_AHEAD_MS - Date.now(), () => {
          const dial = provider.prepareCall({ to: call.phoneNumber, idempotencyKey: call.idempotencyKey });
          after(dueAt.getTime() - Date.now(), () => {
            dial.place().catch((error: unknown) => console.error(`the floor's dial of ${call.phoneNumber} failed:`, error));
          });
        });
      }
    },
    async stop(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      provider.close();
    },
  };
}
