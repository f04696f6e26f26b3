import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** Where and on what a run ran, so figures from different runs can be told apart. */
export interface RunFacts {
  startedAt: string;
  commit: string;
  machine: string;
}

export function runFacts(startedAt: Date): RunFacts {
  const cpu = cpus();
  return {
    startedAt: startedAt.toISOString(),
    commit: commit(),
    machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  };
}

/**
 * The commit checked out, and whether the working tree's code differs from it (the figures are then of code no
 * commit holds). docs/ is left out: `--write-docs` rewrites a page there after each scenario.
 */
function commit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', ':(top)', ':(top,exclude)docs') ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}
