import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface AppProcessOptions {
  args?: string[];
  cwd?: string;
}

/** One of the stack's Node entry points (`<project>/dist/main.js`, Vite's CLI) running as its own process. */
export class AppProcess {
  private child: ChildProcess | null = null;
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
    child.kill(signal);
    await exited;
    this.child = null;
  }
}
