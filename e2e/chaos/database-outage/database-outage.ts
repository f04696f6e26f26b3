import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutageSize } from '../chaos-options';
import type { ChaosCluster } from '../cluster/chaos-cluster';
import { CallCreator } from '../crash-soak/call-creator';
import { plannedCalls } from '../crash-soak/soak-plan';
import { seconds } from '../figures';
import { observe } from '../observe';
import { databaseOutageReport, outageReport, type DatabaseOutageReport, type OutageReport } from './outage-report';
import { ReadProber } from './read-prober';
import { sleepUntil } from '../sleep-until';

/** Each outage's numbers: area codes no other scenario dials. */
const AREA_CODES = ['213', '305', '503', '602'];
/** How long before PostgreSQL goes down the calls are made, and how far from the outage's edges the first and last are due. */
const LEAD_MS = 3_000;
const EDGE_MS = 2_000;

/**
 * The database outage: calls made just before PostgreSQL is SIGKILLed fall due, one after another, while it
 * stays down (each outage of the run as long again), and a reader keeps reading the account's calls through
 * both APIs. Every call must end once PostgreSQL is back, nothing lost, doubled or shown wrong; the APIs must
 * answer 503 meanwhile and serve again by themselves, and no projection may move backwards.
 */
export async function databaseOutage(cluster: ChaosCluster, size: OutageSize): Promise<DatabaseOutageReport> {
  const reports: OutageReport[] = [];
  for (const [index, downMs] of size.outagesMs.entries()) reports.push(await oneOutage(cluster, size, downMs, AREA_CODES[index]!));
  return databaseOutageReport(reports);
}

async function oneOutage(cluster: ChaosCluster, size: OutageSize, downMs: number, areaCode: string): Promise<OutageReport> {
  const apiUrls = cluster.apis.map((api) => api.url);
  const calls = plannedCalls({ calls: size.calls, createWindowMs: LEAD_MS / 2, aheadMs: 0, aheadJitterMs: 0 }, { runId: randomUUID().slice(0, 8), areaCode });
  const prober = new ReadProber(apiUrls, cluster.operatorKey, (number) => number.startsWith(`+1${areaCode}`));
  const creator = new CallCreator(apiUrls, cluster.operatorKey);
  const downAt = Date.now() + LEAD_MS;
  const dueAt = (index: number) => downAt + EDGE_MS + Math.round((index * (downMs - 2 * EDGE_MS)) / Math.max(1, calls.length - 1));
  console.log(`${calls.length} calls due while PostgreSQL is down for ${seconds(downMs)}`);
  prober.start();
  const start = Date.now();
  const creates = await Promise.all(calls.map(async (call) => sleepUntil(start + call.sendAtMs).then(() => creator.create({ ...call, aheadMs: dueAt(call.index) - Date.now() }))));
  await sleepUntil(downAt);
  const down = Date.now();
  await cluster.postgres.kill();
  await sleep(downMs);
  await cluster.postgres.start();
  const back = Date.now();
  console.log(`PostgreSQL down from +${seconds(down - start)} for ${seconds(back - down)}; waiting for every call to end`);
  const seen = await observe(cluster, creates, { areaCode, deadline: back + size.settleTimeoutMs });
  const ended = Date.now();
  await prober.stop();
  return outageReport({ asked: calls.length, seen, reads: prober.reads, movedBack: prober.movedBack, down, back, ended });
}
