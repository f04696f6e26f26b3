import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface AppProcessOptions {
  args?: string[];
  cwd?: string;
}

/** One of the stack's Node entry points (`<project>/dist/main.js`, Vite's CLI) running as its own process. */
export class AppProcess {
  private child: ChildProcess | null = null;
  private paused = false;
  private output: string[] = [];

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
    const keep = (chunk: Buffer) => this.output.push(chunk.toString());
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    // A runner that dies (an uncaught error, a timeout) takes its processes with it, not leaving them running.
    const child = this.child;
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
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

  /** What the process printed, for a failing test's message. */
  logs(): string {
    return `--- ${this.name} ---\n${this.output.join('')}`;
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    // A stopped process acts on SIGTERM only once it is continued.
    this.resume();
    child.kill(signal);
    await exited;
    this.child = null;
  }
}
