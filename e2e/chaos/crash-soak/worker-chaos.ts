import type { AppProcess } from '../../src/support/app-process';
import { WORKER_POLLING } from '../cluster/chaos-cluster';
import type { FaultLog } from './fault-log';
import { sleepUntil } from '../sleep-until';

export interface WorkerChaos {
  /** Until when (Date.now()) workers are killed. */
  until: number;
  /** From one kill to the next, give or take, unless the worker killed last is not polling again by then. */
  every: { min: number; max: number };
}

/** A killed worker is started again this long after, give or take: long enough that its tasks must go elsewhere. */
const DOWN_MS = { min: 1_000, max: 2_000 };

/**
 * Kills a worker picked at random every few seconds, and starts it again a second or two later. The next kill
 * waits until the worker killed last polls again, so one worker always runs (the "two workers" setting): the
 * lateness measured is of a crash the other worker must take over from, not of no worker at all.
 */
export async function runWorkerChaos(workers: readonly AppProcess[], log: FaultLog, { until, every }: WorkerChaos): Promise<void> {
  while (Date.now() < until) {
    const next = Date.now() + between(every);
    const worker = workers[Math.floor(Math.random() * workers.length)]!;
    await log.crash({
      kind: 'worker',
      target: worker.name,
      kill: () => worker.kill(),
      restart: () => worker.start().printed(WORKER_POLLING),
      downMs: between(DOWN_MS),
    });
    await sleepUntil(next);
  }
}

function between({ min, max }: { min: number; max: number }): number {
  return min + Math.random() * (max - min);
}
