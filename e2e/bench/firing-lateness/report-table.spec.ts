import { formatTable, type ReportRow } from './report-table';

const figures = (p50: number, range: [number, number] = [p50, p50]) => ({
  p50: { median: p50, min: range[0], max: range[1] },
  p95: { median: p50 * 2, min: p50 * 2, max: p50 * 2 },
  p99: { median: p50 * 3, min: p50 * 3, max: p50 * 3 },
  max: { median: p50 * 4, min: p50 * 4, max: p50 * 4 },
});

describe('the lateness table', () => {
  const rows: ReportRow[] = [
    { system: 'this project (REST API)', calls: 200, repeats: 3, figures: figures(3900.4, [3500, 4100]), early: 0, missing: 0 },
    { system: 'BullMQ', calls: 200, repeats: 3, figures: figures(356), early: 2, missing: 1 },
  ];

  it('shows each figure as its median with the range over the repeats, and a single value when they agree', () => {
    const [, , project, bullmq] = formatTable(rows).split('\n');
    expect(project).toMatch(/^this project \(REST API\)\s+200\s+3\s+3900 \(3500–4100\)\s+7801\s+11701\s+15602\s+0\s+0$/);
    expect(bullmq).toMatch(/^BullMQ\s+200\s+3\s+356\s+712\s+1068\s+1424\s+2 EARLY\s+1$/);
  });

  it('aligns the columns under a header', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^system\s+calls\s+repeats\s+p50 ms\s+p95 ms\s+p99 ms\s+max ms\s+early\s+missing$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});
