import { cpuSeconds, cpuShare, residentSet } from './process-usage';

describe('a process usage from /proc', () => {
  it('reads the resident set and its peak in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  250000 kB\nVmRSS:\t  180000 kB\nThreads:\t11\n';
    expect(residentSet(status)).toEqual({ rssBytes: 180_000 * 1024, peakRssBytes: 250_000 * 1024 });
  });

  it('adds user and system time, whatever the command name holds', () => {
    const stat = '4242 (node (worker) 1) S 1 4242 4242 0 -1 4194304 5000 0 0 0 1234 566 0 0 20 0 11 0 100 3133440 376 18446744073709551615';
    expect(cpuSeconds(stat, 100)).toBe(18);
  });

  it('gives the CPU used between two readings as a share of one core', () => {
    const from = { at: 10_000, rssBytes: 0, peakRssBytes: 0, cpuSeconds: 3 };
    expect(cpuShare(from, { ...from, at: 30_000, cpuSeconds: 8 })).toBe(0.25);
  });
});
