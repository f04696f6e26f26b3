import { benchOptions } from './bench-options';

describe('the bench options', () => {
  it('runs everything at full size when given nothing', () => {
    expect(benchOptions([], {})).toEqual({ quick: false, only: null, storedCalls: 100_000, sleepingCalls: [10_000], bursts: [200, 1_000], aheadSeconds: 60, temporal: 'sqlite-wal' });
  });

  it('runs a smaller bench with --quick, from the command line or from npm', () => {
    expect(benchOptions(['--quick'], {})).toMatchObject({ quick: true, storedCalls: 10_000, sleepingCalls: [200], aheadSeconds: 5 });
    expect(benchOptions([], { npm_config_quick: 'true' })).toMatchObject({ quick: true });
  });

  it('takes the counts and the sections asked for', () => {
    expect(benchOptions(['--only=list-at-scale,worker-memory', '--stored=20_000', '--sleeping=100000,10000'], {})).toEqual({
      quick: false,
      only: ['list-at-scale', 'worker-memory'],
      storedCalls: 20_000,
      sleepingCalls: [10_000, 100_000],
      bursts: [200, 1_000],
      aheadSeconds: 60,
      temporal: 'sqlite-wal',
    });
    expect(benchOptions(['--quick', '--bursts=1000', '--ahead=0'], {})).toMatchObject({ bursts: [1_000], aheadSeconds: 0 });
    expect(benchOptions(['--temporal=memory'], {}).temporal).toBe('memory');
    expect(benchOptions(['--quick'], { npm_config_sleeping: '500' }).sleepingCalls).toEqual([500]);
  });

  it('refuses what it does not know, rather than run a bench nobody asked for', () => {
    expect(() => benchOptions(['--quik'], {})).toThrow('unknown option(s): --quik');
    expect(() => benchOptions(['--sleeping=lots'], {})).toThrow('--sleeping takes whole numbers');
    expect(() => benchOptions(['--temporal=postgres'], {})).toThrow('--temporal takes sqlite-wal, sqlite, memory');
  });
});
