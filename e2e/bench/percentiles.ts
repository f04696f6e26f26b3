/** A distribution of measured values (milliseconds, mostly): how many, and where its middle and tail lie. */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const STATISTICS = ['p50', 'p95', 'p99', 'max'] as const;
export type Statistic = (typeof STATISTICS)[number];

/** The median and the range of one figure over a measurement's repeats. */
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

export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.reduce((max, value) => Math.max(max, value), -Infinity),
  };
}

export function spread(values: readonly number[]): Spread {
  return { median: percentile(values, 50), min: Math.min(...values), max: Math.max(...values) };
}

/** Each statistic's median, min and max over the repeats of one measurement. */
export function acrossRepeats(summaries: readonly Summary[]): Record<Statistic, Spread> {
  return Object.fromEntries(STATISTICS.map((statistic) => [statistic, spread(summaries.map((summary) => summary[statistic]))])) as Record<Statistic, Spread>;
}
