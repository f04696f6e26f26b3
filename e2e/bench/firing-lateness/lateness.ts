/** When the provider received the first POST that dialled one number. */
export interface Receipt {
  phoneNumber: string;
  receivedAt: number;
}

export interface LatenessSummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const STATISTICS = ['p50', 'p95', 'p99', 'max'] as const;
export type Statistic = (typeof STATISTICS)[number];

/** The median and the range of one figure over a round's repeats. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no values to take a percentile of');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds each dial came after the instant it was due; negative for an early dial. */
export function latenesses(receipts: readonly Receipt[], dueAt: number): number[] {
  return receipts.map((receipt) => receipt.receivedAt - dueAt);
}

/** Dials the provider received before their call was due: never acceptable, whatever the system. */
export function earlyDials(receipts: readonly Receipt[], dueAt: number): Receipt[] {
  return receipts.filter((receipt) => receipt.receivedAt < dueAt);
}

export function summarize(latenessMs: readonly number[]): LatenessSummary {
  return {
    count: latenessMs.length,
    p50: percentile(latenessMs, 50),
    p95: percentile(latenessMs, 95),
    p99: percentile(latenessMs, 99),
    max: Math.max(...latenessMs),
  };
}

export function spread(values: readonly number[]): Spread {
  return { median: percentile(values, 50), min: Math.min(...values), max: Math.max(...values) };
}

/** Each statistic's median, min and max over the repeats of one round. */
export function acrossRepeats(summaries: readonly LatenessSummary[]): Record<Statistic, Spread> {
  return Object.fromEntries(STATISTICS.map((statistic) => [statistic, spread(summaries.map((summary) => summary[statistic]))])) as Record<Statistic, Spread>;
}
