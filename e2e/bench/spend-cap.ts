import type { Stack } from '../src/support/stack';

/**
 * Raises the stack's account's spend cap out of the way: holding dials back is policy, not speed, and
 * the bench dials far more than the default cap allows.
 */
export async function raiseSpendCap(stack: Stack): Promise<void> {
  const adminKey = await stack.accounts.createKey(await stack.accounts.accountId('Default'), 'bench-admin', 'admin');
  const response = await fetch(`${stack.apiUrl}/api/account/limits`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dialsPerHour: 1_000_000, dialsPerDay: 10_000_000, maxConcurrentCalls: 100_000 }),
  });
  if (!response.ok) throw new Error(`raising the spend cap answered ${response.status}: ${await response.text()}`);
}
