import type { Spread } from './percentiles';

/** A plain-text table under a header, columns aligned: the first to the left, the others (figures) to the right. */
export function renderTable(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(render)].join('\n');
}

/** A figure over repeats as "median (min–max)", or one value when the repeats agree (or there was one). */
export function formatSpread({ median, min, max }: Spread, digits = 0): string {
  const format = (value: number) => value.toFixed(digits);
  return format(min) === format(max) ? format(median) : `${format(median)} (${format(min)}–${format(max)})`;
}
