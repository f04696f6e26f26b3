import { randomUUID } from 'node:crypto';
import type { SoakSize } from '../chaos-options';
import type { ChaosCluster } from '../cluster/chaos-cluster';
import { seconds } from '../figures';
import { observe } from '../observe';
import { CallCreator, type CreateOutcome } from './call-creator';
import { FaultLog } from './fault-log';
import { findings } from './findings';
import { latestOf } from './lateness-by-fault';
import { injectOneOff } from './one-off-faults';
import { SOAK_AREA_CODE, soakPlan, type SoakPlan } from './soak-plan';
import { soakReport, type SoakReport } from './soak-report';
import { workflowDelays } from './workflow-delays';
import { runWorkerChaos } from './worker-chaos';
import { sleepUntil } from '../sleep-until';

/**
 * The crash soak: calls created through two APIs fall due while workers are killed every few seconds, an API
 * is killed in the middle of a create, and the Temporal server and PostgreSQL are each killed once; every
 * process comes back. Then every call must have ended, been dialled once per attempt and never early, and
 * shown in its projection what its workflow holds, with a whole timeline.
 */
export async function crashSoak(cluster: ChaosCluster, size: SoakSize): Promise<SoakReport> {
  const plan = soakPlan(size, randomUUID().slice(0, 8));
  const creator = new CallCreator(cluster.apis.map((api) => api.url), cluster.operatorKey);
  const startedAt = Date.now();
  const log = new FaultLog(startedAt);
  console.log(`${plan.calls.length} calls created over ${seconds(size.createWindowMs)}, due from +${seconds(plan.due.fromMs)} to +${seconds(plan.due.untilMs)}`);
  const [creates] = await Promise.all([
    Promise.all(plan.calls.map(async (call) => sleepUntil(startedAt + call.sendAtMs).then(() => creator.create(call)))),
    Promise.all(plan.oneOffFaults.map(async (fault) => sleepUntil(startedAt + fault.atMs).then(() => injectOneOff(fault, cluster, creator, log)))),
    sleepUntil(startedAt + plan.workerChaos.fromMs).then(() => runWorkerChaos(cluster.workers, log, { until: startedAt + plan.workerChaos.untilMs, every: size.workerKillEveryMs })),
  ]);
  console.log(`[+${seconds(Date.now() - startedAt)}] faults done (${log.count('worker')} worker kills); waiting for every call to end`);
  const found = findings(await observe(cluster, creates, { areaCode: SOAK_AREA_CODE, deadline: lastDueAt(creates, plan, startedAt) + size.settleTimeoutMs }));
  const delays = await workflowDelays(cluster.temporal.address, latestOf(found.dials).map((dial) => dial.callId));
  return soakReport({ asked: plan.calls.length, found, faults: log.faults, delays, crashes: cluster.crashes(), startedAt });
}

/** When the last call created is due; the plan's own guess if none was. */
function lastDueAt(creates: readonly CreateOutcome[], plan: SoakPlan, startedAt: number): number {
  const due = creates.flatMap((outcome) => (outcome.call ? [Date.parse(outcome.call.scheduledAt)] : []));
  return due.length > 0 ? Math.max(...due) : startedAt + plan.due.untilMs;
}
