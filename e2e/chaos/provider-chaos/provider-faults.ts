import type { BehaviourPatch } from '@call-scheduler/mock-provider';
import type { PlannedCall } from '../crash-soak/soak-plan';

/** One call in this many dials a number the provider refuses for good (2%). */
const REFUSED_EVERY = 50;

/**
 * The provider as issue 10 has it misbehave: 30% of dials and status lookups answered 503 (a dial after the
 * provider has placed it), 10% of dials unanswered for longer than the worker's 10 s request timeout, and 5%
 * answered 429. The numbers refused are answered 422 (the number cannot be dialled), which no retry changes.
 */
export function providerFaults(refusedNumbers: readonly string[]): BehaviourPatch {
  return {
    failureRate: 0.3,
    timeoutRate: 0.1,
    timeoutMs: 15_000,
    rateLimitRate: 0.05,
    lookupFailureRate: 0.3,
    failAfterAccept: true,
    createErrorsByNumber: Object.fromEntries(refusedNumbers.map((number) => [number, 422])),
  };
}

/** The provider as the rest of the run has it: every request answered. */
export const CALM_PROVIDER: BehaviourPatch = { failureRate: 0, timeoutRate: 0, rateLimitRate: 0, lookupFailureRate: 0, createErrorsByNumber: {} };

/** The numbers the provider refuses: the middle call of every fifty, and of a run of fewer. */
export function refusedNumbers(calls: readonly PlannedCall[]): string[] {
  const middle = Math.floor(Math.min(REFUSED_EVERY, calls.length) / 2);
  return calls.filter((call) => call.index % REFUSED_EVERY === middle).map((call) => call.phoneNumber);
}

export async function setProviderBehaviour(providerUrl: string, patch: BehaviourPatch): Promise<void> {
  const response = await fetch(`${providerUrl}/admin/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(`the provider refused the behaviour: ${response.status} ${await response.text()}`);
}
