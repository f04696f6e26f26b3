import { randomUUID } from 'node:crypto';
import type { ProviderChaosSize } from '../chaos-options';
import type { ChaosCluster } from '../cluster/chaos-cluster';
import { CallCreator } from '../crash-soak/call-creator';
import { plannedCalls } from '../crash-soak/soak-plan';
import { seconds } from '../figures';
import { observe } from '../observe';
import { providerChaosReport, type ProviderChaosReport } from './provider-chaos-report';
import { CALM_PROVIDER, providerFaults, refusedNumbers, setProviderBehaviour } from './provider-faults';
import { sleepUntil } from '../sleep-until';

/** The scenario's numbers: an area code neither the bench nor the crash soak dials. */
const AREA_CODE = '646';

/**
 * The provider chaos: calls created through the two APIs fall due while the provider fails, times out and
 * rate-limits a large share of requests, and refuses a few numbers for good; no process is killed. Every call
 * must then have ended by the bound, completed unless its number is refused, and a refused one failed at its
 * first attempt without a dial; and, as in the crash soak, none dialled twice for one attempt or shown wrong.
 */
export async function providerChaos(cluster: ChaosCluster, size: ProviderChaosSize): Promise<ProviderChaosReport> {
  const calls = plannedCalls(size, { runId: randomUUID().slice(0, 8), areaCode: AREA_CODE });
  const refused = refusedNumbers(calls);
  const creator = new CallCreator(cluster.apis.map((api) => api.url), cluster.operatorKey);
  console.log(`${calls.length} calls created over ${seconds(size.createWindowMs)} while the provider misbehaves, ${refused.length} to a number it refuses`);
  await setProviderBehaviour(cluster.providerUrl, providerFaults(refused));
  try {
    const startedAt = Date.now();
    const creates = await Promise.all(calls.map(async (call) => sleepUntil(startedAt + call.sendAtMs).then(() => creator.create(call))));
    const lastDue = Math.max(startedAt, ...creates.flatMap((outcome) => (outcome.call ? [Date.parse(outcome.call.scheduledAt)] : [])));
    console.log(`[+${seconds(Date.now() - startedAt)}] every create answered; waiting for every call to end`);
    const seen = await observe(cluster, creates, { areaCode: AREA_CODE, deadline: lastDue + size.settleTimeoutMs });
    return providerChaosReport(calls.length, seen, new Set(refused));
  } finally {
    await setProviderBehaviour(cluster.providerUrl, CALM_PROVIDER);
  }
}
