import type { BenchCall } from './firing-system';

/** The mock provider's create-call POST, as the project's worker makes it: what bare Temporal and BullMQ do when due. */
export async function dialProvider(providerUrl: string, call: BenchCall): Promise<void> {
  const response = await fetch(`${providerUrl}/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: call.phoneNumber, idempotencyKey: call.idempotencyKey }),
  });
  if (response.status !== 201) throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
}
