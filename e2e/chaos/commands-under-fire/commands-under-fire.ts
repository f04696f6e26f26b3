import { randomUUID } from 'node:crypto';
import type { CommandsSize } from '../chaos-options';
import type { ChaosCluster } from '../cluster/chaos-cluster';
import { CallCreator } from '../crash-soak/call-creator';
import { FaultLog } from '../crash-soak/fault-log';
import { injectOneOff } from '../crash-soak/one-off-faults';
import { plannedCalls, type PlannedCall } from '../crash-soak/soak-plan';
import { runWorkerChaos } from '../crash-soak/worker-chaos';
import { callWorkflowsStarted } from '../crash-soak/workflow-states';
import { seconds } from '../figures';
import { observe } from '../observe';
import { CancelClient } from './cancel-client';
import { commandsReport, type CancelMoment, type CommandsReport } from './commands-report';
import { sleepUntil } from '../sleep-until';

/** The scenario's numbers: an area code no other scenario and no bench measurement dials. */
const AREA_CODE = '718';
/** Each key's create is sent this many times at once: to its API, the other one, and its own again. */
const COPIES = 3;

/**
 * Commands under fire: every create is sent three times at once under one key, through both APIs, while one
 * API is killed in the middle of creates and workers are killed every few seconds; then half the calls are
 * cancelled while they sleep and the other half around the instant their dial is made. Every key must then
 * have started one workflow and made one call, answered to each of its creates, and every cancel must be borne
 * out by the call's end:
 * a taken cancel leaves nothing dialled, a refused one leaves the call to end as it would have.
 */
export async function commandsUnderFire(cluster: ChaosCluster, size: CommandsSize): Promise<CommandsReport> {
  const calls = plannedCalls({ ...size, aheadMs: 0, aheadJitterMs: 0 }, { runId: randomUUID().slice(0, 8), areaCode: AREA_CODE });
  const creator = new CallCreator(cluster.apis.map((api) => api.url), cluster.operatorKey);
  const canceller = new CancelClient(cluster.apis.map((api) => api.url), cluster.operatorKey);
  const startedAt = Date.now();
  const log = new FaultLog(startedAt);
  const lastDue = startedAt + size.createWindowMs + size.dueSoonMs + 1_000;
  console.log(`${calls.length} keys, each created ${COPIES} times at once over ${seconds(size.createWindowMs)}; half cancelled while sleeping, half at their instant`);
  const [outcomes] = await Promise.all([
    Promise.all(calls.map(async (call) => sleepUntil(startedAt + call.sendAtMs).then(() => createAndCancel(call, creator, canceller, size)))),
    sleepUntil(startedAt + size.createWindowMs / 3).then(() => injectOneOff({ kind: 'api', api: 0, atMs: 0 }, cluster, creator, log)),
    runWorkerChaos(cluster.workers, log, { until: lastDue, every: size.workerKillEveryMs }),
  ]);
  console.log(`[+${seconds(Date.now() - startedAt)}] every create and cancel answered (${log.count('worker')} worker kills); waiting for every call to end`);
  const creates = outcomes.flatMap((outcome) => outcome.creates);
  const seen = await observe(cluster, creates, { areaCode: AREA_CODE, deadline: lastDue + size.settleTimeoutMs });
  return commandsReport({
    ...seen,
    workflowsStarted: await callWorkflowsStarted(cluster.temporal.address, startedAt, Date.now()),
    createsByKey: new Map(outcomes.map((outcome) => [outcome.key, outcome.creates])),
    cancels: outcomes.flatMap((outcome) => outcome.cancel ?? []),
  });
}

/** Even calls sleep long and are cancelled at once; odd ones are due soon and cancelled around their instant. */
async function createAndCancel(call: PlannedCall, creator: CallCreator, canceller: CancelClient, size: CommandsSize) {
  const moment: CancelMoment = call.index % 2 === 0 ? 'while sleeping' : 'at its instant';
  const aheadMs = moment === 'while sleeping' ? size.sleepingForMs : size.dueSoonMs;
  const scheduledAt = new Date(Date.now() + aheadMs).toISOString();
  const creates = await Promise.all(Array.from({ length: COPIES }, (_, copy) => creator.create({ ...call, api: (call.api + copy) % 2 }, scheduledAt)));
  const created = creates.find((outcome) => outcome.call !== null)?.call;
  if (!created) return { key: call.idempotencyKey, creates };
  // Spread over the second around the instant: some cancels find the dial held, some find it made.
  if (moment === 'at its instant') await sleepUntil(Date.parse(created.scheduledAt) - 500 + ((call.index * 137) % 1_000));
  const cancel = await canceller.cancel(created.id, call.api);
  return { key: call.idempotencyKey, creates, cancel: { ...cancel, moment } };
}
