import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const MAIN = join(__dirname, '..', '..', 'src', 'main.ts');
const READY = 'worker polling task queue';

/**
 * The worker's own entry point (src/main.ts, through tsx) as an OS process of its own: it reads its
 * settings from `env` as in production, and bundles the current workflow code as it starts.
 */
export class WorkerProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<unknown>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => this.output.push(chunk.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = once(child, 'exit');
    // A test run that dies takes the process with it.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    void this.exited.then(() => process.off('exit', killOnExit));
  }

  /** Starts the process and waits until it polls its task queue. */
  static async start(env: Record<string, string>, readyWithinMs = 90_000): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const worker = new WorkerProcess(child);
    await worker.untilReady(readyWithinMs);
    return worker;
  }

  /** Temporal's record of which worker ran a task: the SDK's default identity, `<pid>@<hostname>`. */
  get identity(): string {
    return `${this.child.pid}@${hostname()}`;
  }

  /** SIGTERM: the worker finishes the tasks it holds and exits. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }

  /** SIGKILL: the worker dies at once, as in a crash, and every task it held is left to time out. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private async untilReady(withinMs: number): Promise<void> {
    const giveUpAt = Date.now() + withinMs;
    while (!this.output.join('').includes(READY)) {
      if (this.child.exitCode !== null || Date.now() > giveUpAt) {
        this.child.kill('SIGKILL');
        throw new Error(`The worker process did not start:\n${this.output.join('')}`);
      }
      await sleep(100);
    }
  }
}
