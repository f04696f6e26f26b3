import type { Stack } from '../../../src/support/stack';
import { inParallel } from '../../in-parallel';
import type { BenchCall, FiringSystem } from './firing-system';

const CREATE_CONCURRENCY = 16;

/** This project as a client uses it: `POST /api/calls` with the stack's operator key (the bench has raised its spend cap). */
export function thisProject(stack: Stack): FiringSystem {
  return {
    name: 'this project (REST API)',
    areaCode: '415',
    async schedule(calls: readonly BenchCall[], dueAt: Date): Promise<void> {
      const scheduledAt = dueAt.toISOString();
      await inParallel(calls, CREATE_CONCURRENCY, async (call) => {
        const response = await fetch(`${stack.apiUrl}/api/calls`, {
          method: 'POST',
          headers: { authorization: `Bearer ${stack.operatorKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ phoneNumber: call.phoneNumber, scheduledAt }),
        });
        if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
      });
    },
    async stop(): Promise<void> {
      // The stack is stopped by whoever started it.
    },
  };
}
