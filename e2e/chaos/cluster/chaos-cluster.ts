import { ensureTemporalBinary } from '@call-scheduler/testing/local-services';
import { freePort } from '@call-scheduler/testing';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raiseSpendCap } from '../../bench/spend-cap';
import type { AppProcess } from '../../src/support/app-process';
import { Stack } from '../../src/support/stack';
import { KillablePostgres } from './killable-postgres';
import { TemporalDevServer } from './temporal-dev-server';

/** What a worker prints once it polls its task queues. */
export const WORKER_POLLING = /worker polling task queue/;

/** One API process and where it answers. */
export interface ApiInstance {
  process: AppProcess;
  url: string;
}

/**
 * Everything a chaos scenario shakes, each part a process of its own that a signal can kill: a Temporal dev
 * server and a PostgreSQL of the run's own, their data in a temporary directory so both restart where they
 * stopped, and on them the built mock provider, two API processes and two workers.
 */
export class ChaosCluster {
  readonly apis: ApiInstance[] = [];
  readonly workers: AppProcess[] = [];
  private stack: Stack | null = null;

  private constructor(
    private readonly dir: string,
    readonly temporal: TemporalDevServer,
    readonly postgres: KillablePostgres,
  ) {}

  static async start(): Promise<ChaosCluster> {
    const binary = await ensureTemporalBinary();
    const dir = await mkdtemp(join(tmpdir(), 'call-scheduler-chaos-'));
    // PostgreSQL runs as its own user when the runner is root, and must reach its data directory inside.
    await chmod(dir, 0o755);
    const [temporalPort, uiPort, postgresPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const cluster = new ChaosCluster(dir, new TemporalDevServer(binary, join(dir, 'temporal.db'), temporalPort, uiPort), new KillablePostgres(join(dir, 'postgres'), postgresPort));
    try {
      await cluster.startApps();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  get providerUrl(): string {
    return this.started.providerUrl;
  }

  /** The operator key every client of the run uses. */
  get operatorKey(): string {
    return this.started.operatorKey;
  }

  /** The provider, API and worker processes that ended without being killed, and when. */
  crashes(): { process: string; at: number; how: string }[] {
    const apps = [this.started.provider, ...this.apis.map((api) => api.process), ...this.workers];
    return apps.flatMap((app) => app.unexpectedExits.map((exit) => ({ process: app.name, ...exit })));
  }

  /** What every process printed, for the run's log file. */
  logs(): string {
    return [this.stack?.logs() ?? '', this.temporal.logs()].join('\n');
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
    await Promise.allSettled([this.temporal.stop(), this.postgres.stop()]);
    await rm(this.dir, { recursive: true, force: true });
  }

  private get started(): Stack {
    if (!this.stack) throw new Error('the chaos cluster is not started');
    return this.stack;
  }

  /** The e2e Stack's processes, on this cluster's own Temporal and PostgreSQL, with a second API and worker beside them. */
  private async startApps(): Promise<void> {
    await Promise.all([this.temporal.start(), this.postgres.start()]);
    process.env.TEST_TEMPORAL_ADDRESS = this.temporal.address;
    process.env.TEST_DATABASE_ADMIN_URL = this.postgres.adminUrl;
    // Requests per minute and the spend cap are policy: the run makes far more calls than their defaults allow.
    this.stack = await Stack.start({ env: { RATE_LIMIT_PER_MINUTE: '10000000' } });
    this.workers.push(this.stack.worker, this.stack.startAnotherWorker());
    this.apis.push({ process: this.stack.api, url: this.stack.apiUrl }, await this.stack.startAnotherApi());
    await Promise.all([raiseSpendCap(this.stack), ...this.workers.map((worker) => worker.printed(WORKER_POLLING))]);
  }
}
