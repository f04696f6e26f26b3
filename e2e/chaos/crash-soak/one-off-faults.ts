import { eventually } from '../../src/support/eventually';
import type { ChaosCluster } from '../cluster/chaos-cluster';
import type { CallCreator } from './call-creator';
import type { FaultLog } from './fault-log';
import type { OneOffFault } from './soak-plan';

/** How long a killed API, Temporal server or PostgreSQL stays dead before it is started again. */
const DOWN_MS = 2_000;

/** Kills what the fault names with SIGKILL, and starts it again once DOWN_MS have passed. */
export async function injectOneOff(fault: OneOffFault, cluster: ChaosCluster, creator: CallCreator, log: FaultLog): Promise<void> {
  switch (fault.kind) {
    case 'api':
      return killApiMidCreate(fault.api, cluster, creator, log);
    case 'temporal':
      return log.crash({ kind: 'temporal', target: 'the Temporal dev server', kill: () => cluster.temporal.kill(), restart: () => cluster.temporal.start(), downMs: DOWN_MS });
    case 'postgres':
      return log.crash({ kind: 'postgres', target: 'PostgreSQL', kill: () => cluster.postgres.kill(), restart: () => cluster.postgres.start(), downMs: DOWN_MS });
  }
}

/** Waits for a create to be under way at the API, then kills it: its client gets no answer and tries the other API. */
async function killApiMidCreate(index: number, cluster: ChaosCluster, creator: CallCreator, log: FaultLog): Promise<void> {
  const api = cluster.apis[index]!;
  let cut = 0;
  await log.crash({
    kind: 'api',
    target: api.process.name,
    kill: async () => {
      cut = await creator.createUnderWay(index);
      await api.process.kill();
    },
    restart: async () => {
      api.process.start();
      await eventually(() => fetch(`${api.url}/health`).then((response) => response.status, () => 0), (status) => status === 200, 60_000);
    },
    downMs: DOWN_MS,
    detail: () => `${cut} create${cut === 1 ? '' : 's'} under way`,
  });
}
