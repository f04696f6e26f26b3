import { setTimeout as sleep } from 'node:timers/promises';
import { seconds } from '../figures';

export type FaultKind = 'worker' | 'api' | 'temporal' | 'postgres';

export const FAULT_KINDS: readonly FaultKind[] = ['worker', 'api', 'temporal', 'postgres'];

/** One process killed with SIGKILL and started again. */
export interface Fault {
  kind: FaultKind;
  target: string;
  /** When it was killed and when it was back (for Temporal, answering; for the others, started), from the start of the soak. */
  killedAtMs: number;
  backAtMs: number;
  /** What was under way when it was killed, e.g. the creates it cut off. */
  detail?: string;
}

export interface Crash {
  kind: FaultKind;
  target: string;
  kill: () => Promise<void>;
  restart: () => Promise<void>;
  /** How long the process stays dead before it is started again. */
  downMs: number;
  /** Said once it is dead: what the kill cut off. */
  detail?: () => string;
}

/** Every fault of a run, in order, as the report and the lateness analysis need them. */
export class FaultLog {
  readonly faults: Fault[] = [];

  constructor(private readonly startedAt: number) {}

  /** Kills, waits, restarts, and records it, saying so on the terminal. */
  async crash({ kind, target, kill, restart, downMs, detail }: Crash): Promise<void> {
    await kill();
    const killedAtMs = this.now();
    const said = detail?.();
    await sleep(downMs);
    await restart();
    const fault: Fault = { kind, target, killedAtMs, backAtMs: this.now(), ...(said ? { detail: said } : {}) };
    this.faults.push(fault);
    if (kind !== 'worker') console.log(`[+${seconds(killedAtMs)}] killed ${target}${said ? ` (${said})` : ''}; back after ${seconds(fault.backAtMs - killedAtMs)}`);
  }

  count(kind: FaultKind): number {
    return this.faults.filter((fault) => fault.kind === kind).length;
  }

  private now(): number {
    return Date.now() - this.startedAt;
  }
}
