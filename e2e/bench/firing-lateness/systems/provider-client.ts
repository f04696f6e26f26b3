import { ProviderClient } from '@call-scheduler/worker';

const DIAL_TIMEOUT_MS = 10_000;

/** The project's own provider client: bare Temporal, BullMQ and the floor make the very POST its worker makes when due. */
export function providerClient(providerUrl: string): ProviderClient {
  return new ProviderClient({ baseUrl: providerUrl, timeoutMs: DIAL_TIMEOUT_MS });
}
