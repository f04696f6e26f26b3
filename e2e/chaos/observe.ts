import type { ProviderCallRecord } from '@call-scheduler/mock-provider';
import type { CallDetailDto } from '@call-scheduler/shared';
import { inParallel } from '../bench/in-parallel';
import type { ChaosCluster } from './cluster/chaos-cluster';
import { AccountCalls } from './crash-soak/account-calls';
import type { CreateOutcome } from './crash-soak/call-creator';
import type { SoakObservations } from './crash-soak/findings';
import { workflowStates } from './crash-soak/workflow-states';

const DETAIL_CONCURRENCY = 8;

/**
 * Everything the parts hold of a scenario's calls once every one has ended, or the deadline (Date.now()) has
 * passed. A scenario dials numbers of an area code of its own, so the calls and dials of another scenario
 * run on the same cluster are left out.
 */
export async function observe(cluster: ChaosCluster, creates: CreateOutcome[], { areaCode, deadline }: { areaCode: string; deadline: number }): Promise<SoakObservations> {
  const ours = (phoneNumber: string) => phoneNumber.startsWith(`+1${areaCode}`);
  const account = new AccountCalls(cluster.apis[0]!.url, cluster.operatorKey);
  const ids = creates.flatMap((outcome) => (outcome.call ? [outcome.call.id] : []));
  const accountCalls = (await account.settled(ids, deadline)).filter((call) => ours(call.phoneNumber));
  const details = new Map<string, CallDetailDto | null>();
  await inParallel(ids, DETAIL_CONCURRENCY, async (id) => {
    details.set(id, await account.detail(id));
  });
  const providerCalls = (await providerCallsOf(cluster.providerUrl)).filter((call) => ours(call.to));
  return { creates, accountCalls, details, workflows: await workflowStates(cluster.temporal.address, ids), providerCalls };
}

async function providerCallsOf(providerUrl: string): Promise<ProviderCallRecord[]> {
  const response = await fetch(`${providerUrl}/calls`);
  if (!response.ok) throw new Error(`the provider's listing answered ${response.status}`);
  return ((await response.json()) as { items: ProviderCallRecord[] }).items;
}
