import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

export interface AppProcessOptions {
  args?: string[];
  cwd?: string;
}

/** A time the process ended without being told to: a crash. */
export interface UnexpectedExit {
  at: number;
  /** `exit code 1`, or the signal that ended it. */
  how: string;
}

/** One of the stack's Node entry points (`<project>/dist/main.js`, Vite's CLI) running as its own process. */
export class AppProcess {
  readonly unexpectedExits: UnexpectedExit[] = [];
  private child: ChildProcess | null = null;
  /** The child being stopped or killed on purpose, whose exit is no crash. */
  private ending: ChildProcess | null = null;
  private paused = false;
  private output: string[] = [];
  /** Where the current run's output begins in `output`, which keeps every run's. */
  private runOutputFrom = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
    private readonly options: AppProcessOptions = {},
  ) {}

  start(): this {
    this.child = spawn(process.execPath, [require.resolve(this.entry), ...(this.options.args ?? [])], {
      cwd: this.options.cwd,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.paused = false;
    this.runOutputFrom = this.output.length;
    const keep = (chunk: Buffer) => this.output.push(chunk.toString());
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    // A runner that dies (an uncaught error, a timeout) takes its processes with it, not leaving them running.
    const child = this.child;
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit);
      if (child !== this.ending) this.unexpectedExits.push({ at: Date.now(), how: signal ?? `exit code ${code}` });
    });
    return this;
  }

  /** The running process's id: a Temporal worker's default identity is `<pid>@<hostname>`. */
  get pid(): number {
    const pid = this.child?.pid;
    if (pid === undefined) throw new Error(`${this.name} is not running`);
    return pid;
  }

  /** SIGSTOP: the process freezes with its connections open, as a hung machine or a long GC pause would. */
  pause(): void {
    this.paused = this.child?.kill('SIGSTOP') ?? false;
  }

  resume(): void {
    if (!this.paused) return;
    this.child?.kill('SIGCONT');
    this.paused = false;
  }

  /** SIGKILL: the process gets no chance to finish anything, as in a crash. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Waits until the process, since it was last started, has printed something that matches `pattern` (e.g. that it is ready). */
  async printed(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const giveUpAt = Date.now() + timeoutMs;
    const child = this.child;
    while (!pattern.test(this.output.slice(this.runOutputFrom).join(''))) {
      if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.name} ended before it printed ${pattern}\n${this.logs()}`);
      if (Date.now() > giveUpAt) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms\n${this.logs()}`);
      await sleep(50);
    }
  }

  /** What the process printed, for a failing test's message. */
  logs(): string {
    return `--- ${this.name} ---\n${this.output.join('')}`;
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    this.ending = child;
    // A stopped process acts on SIGTERM only once it is continued.
    this.resume();
    child.kill(signal);
    await exited;
    this.child = null;
  }
}
