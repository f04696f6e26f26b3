import { acrossRepeats, STATISTICS, summarize, type Summary } from './percentiles';
import { formatSpread, renderTable } from './text-table';

/** One timed thing, e.g. a command at 16 requests at once: a summary per repeat. */
export interface LatencyRow {
  figure: string;
  repeats: readonly Summary[];
  /** Issue 9's target for it, when it has one. */
  target?: string;
}

/** Milliseconds, each statistic as its median over the repeats with their range, and how many samples in all. */
export function formatLatencyTable(rows: readonly LatencyRow[]): string {
  const header = ['ms', 'samples', 'repeats', ...STATISTICS, 'target'];
  const lines = rows.map((row) => {
    if (row.repeats.length === 0) return [row.figure, '0', '0', ...STATISTICS.map(() => '–'), row.target ?? ''];
    const figures = acrossRepeats(row.repeats);
    const samples = row.repeats.reduce((sum, repeat) => sum + repeat.count, 0);
    return [row.figure, String(samples), String(row.repeats.length), ...STATISTICS.map((statistic) => formatSpread(figures[statistic])), row.target ?? ''];
  });
  return renderTable(header, lines);
}

/** A measurement made once, as the table takes it: no repeat at all when nothing was measured. */
export function measuredOnce(values: readonly number[]): Summary[] {
  return values.length > 0 ? [summarize(values)] : [];
}
