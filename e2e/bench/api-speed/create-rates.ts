import { percentile } from '../percentiles';

/** One round of creates at a concurrency: how many, and how long from the first send to the last answer. */
export interface CreateRound {
  system: string;
  calls: number;
  elapsedMs: number;
}

export function perSecond(round: CreateRound): number {
  return round.calls / (round.elapsedMs / 1000);
}

/** The project's creates per second over bare Temporal's starts per second, each the median of its rounds (issue 9: at least 0.9). */
export function createRatio(project: readonly CreateRound[], bare: readonly CreateRound[]): number {
  return percentile(project.map(perSecond), 50) / percentile(bare.map(perSecond), 50);
}
