import type { Stack } from '../../../src/support/stack';
import { inParallel } from '../in-parallel';
import type { BenchCall, FiringSystem } from './firing-system';

const CREATE_CONCURRENCY = 16;

/**
 * This project as a client uses it: `POST /api/calls` with the stack's operator key. The account's
 * spend cap is raised first, since holding dials back is policy, not lateness.
 */
export async function thisProject(stack: Stack): Promise<FiringSystem> {
  const adminKey = await stack.accounts.createKey(await stack.accounts.accountId('Default'), 'bench-admin', 'admin');
  await expectOk(
    await fetch(`${stack.apiUrl}/api/account/limits`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dialsPerHour: 1_000_000, dialsPerDay: 10_000_000, maxConcurrentCalls: 100_000 }),
    }),
  );
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
        await expectOk(response);
      });
    },
    async stop(): Promise<void> {
      // The stack is stopped by whoever started it.
    },
  };
}

async function expectOk(response: Response): Promise<void> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
}
