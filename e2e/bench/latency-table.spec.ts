import { formatLatencyTable } from './latency-table';
import { summarize } from './percentiles';

describe('the latency table', () => {
  it('shows each statistic as its median over the repeats (nearest rank: the lower of two) with the range, the samples in all, and the target', () => {
    const table = formatLatencyTable([
      { figure: 'POST /cancel', repeats: [summarize([10, 20, 30]), summarize([12, 22, 300])], target: 'p99 ≤ 300 ms' },
      { figure: 'GET /api/calls', repeats: [summarize([4, 5])] },
    ]);
    const [header, rule, cancel, list] = table.split('\n');
    expect(header).toMatch(/^ms\s+samples\s+repeats\s+p50\s+p95\s+p99\s+max\s+target$/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    expect(cancel).toMatch(/^POST \/cancel\s+6\s+2\s+20 \(20–22\)\s+30 \(30–300\)\s+30 \(30–300\)\s+30 \(30–300\)\s+p99 ≤ 300 ms$/);
    expect(list).toMatch(/^GET \/api\/calls\s+2\s+1\s+4\s+5\s+5\s+5$/);
  });

  it('shows a figure nothing was measured for as a dash', () => {
    const [, , row] = formatLatencyTable([{ figure: 'start-now sent → dial', repeats: [] }]).split('\n');
    expect(row).toMatch(/^start-now sent → dial\s+0\s+0\s+–\s+–\s+–\s+–$/);
  });
});
