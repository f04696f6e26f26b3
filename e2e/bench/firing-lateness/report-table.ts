import { STATISTICS, type Spread, type Statistic } from './lateness';

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
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(render)].join('\n');
}

function formatSpread({ median, min, max }: Spread): string {
  return min === max ? String(Math.round(median)) : `${Math.round(median)} (${Math.round(min)}–${Math.round(max)})`;
}
