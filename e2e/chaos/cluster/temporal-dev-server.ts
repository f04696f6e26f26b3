import { ACCOUNT_SEARCH_ATTRIBUTE } from '@call-scheduler/shared/workflow';
import { DEV_SERVER_DYNAMIC_CONFIG, DEV_SERVER_SQLITE_PRAGMAS, dynamicConfigArgs, sqlitePragmaArgs } from '@call-scheduler/testing/local-services';
import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

const READY_WITHIN_MS = 60_000;

/**
 * `temporal server start-dev` as `npm start` runs it (a SQLite file with its pragmas, its dynamic config),
 * on ports of its own, with the `AccountId` search attribute registered up front, so that a SIGKILL loses
 * nothing committed and a restart on the same file carries on where it stopped.
 */
export class TemporalDevServer {
  private child: ChildProcess | null = null;
  private output: string[] = [];

  constructor(
    private readonly binary: string,
    private readonly dbFilename: string,
    private readonly port: number,
    private readonly uiPort: number,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts the server and waits until its `default` namespace answers. */
  async start(): Promise<void> {
    const child = spawn(this.binary, this.args(), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const keep = (chunk: Buffer) => this.output.push(chunk.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // A runner that dies takes its server with it.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    await this.waitUntilServing(child);
  }

  /** SIGKILL, as in a crash: whatever the server had not committed to its file is gone. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  logs(): string {
    return `--- temporal ---\n${this.output.join('')}`;
  }

  private args(): string[] {
    return [
      'server', 'start-dev', '--headless',
      '--ip', '127.0.0.1',
      '--port', String(this.port),
      '--ui-port', String(this.uiPort),
      '--db-filename', this.dbFilename,
      ...sqlitePragmaArgs(DEV_SERVER_SQLITE_PRAGMAS),
      ...dynamicConfigArgs(DEV_SERVER_DYNAMIC_CONFIG),
      '--search-attribute', `${ACCOUNT_SEARCH_ATTRIBUTE}=Keyword`,
      '--log-level', 'error',
    ];
  }

  private async waitUntilServing(child: ChildProcess): Promise<void> {
    const giveUpAt = Date.now() + READY_WITHIN_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the Temporal dev server exited\n${this.logs()}`);
      if (await this.serving()) return;
      if (Date.now() > giveUpAt) throw new Error(`the Temporal dev server did not answer within ${READY_WITHIN_MS} ms\n${this.logs()}`);
      await sleep(200);
    }
  }

  private async serving(): Promise<boolean> {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address: this.address, connectTimeout: 1_000 });
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } catch {
      return false;
    } finally {
      await connection?.close();
    }
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
    this.child = null;
  }
}
