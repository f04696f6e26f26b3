import { STATISTICS, type Spread, type Statistic } from '../percentiles';
import { formatSpread, renderTable } from '../text-table';

/** One line of the report: a system's lateness for one size of burst, over its repeats. */
export interface ReportRow {
  system: string;
  calls: number;
  repeats: number;
  figures: Record<Statistic, Spread>;
  /** Dials received before their call was due, over all repeats. */
  early: number;
  /** Calls never dialled before the round gave up waiting. */
  missing: number;
}

/** A plain-text table, columns aligned: each figure as "median (min–max)" in milliseconds. */
export function formatTable(rows: readonly ReportRow[]): string {
  const header = ['system', 'calls', 'repeats', ...STATISTICS.map((statistic) => `${statistic} ms`), 'early', 'missing'];
  const lines = rows.map((row) => [
    row.system,
    String(row.calls),
    String(row.repeats),
    ...STATISTICS.map((statistic) => formatSpread(row.figures[statistic])),
    row.early === 0 ? '0' : `${row.early} EARLY`,
    String(row.missing),
  ]);
  return renderTable(header, lines);
}
