import { acrossRepeats, percentile, summarize } from './percentiles';

describe('percentiles', () => {
  it('takes nearest-rank percentiles, whatever the order of the values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
  });

  it('refuses a percentile of nothing', () => {
    expect(() => percentile([], 50)).toThrow('no values');
  });

  it('summarizes a measurement and gives each figure its median, min and max over the repeats', () => {
    const rounds = [summarize([10, 20, 30, 40]), summarize([100, 200, 300, 400]), summarize([1, 2, 3, 4])];
    expect(rounds[0]).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40 });
    expect(acrossRepeats(rounds).p50).toEqual({ median: 20, min: 2, max: 200 });
    expect(acrossRepeats(rounds).max).toEqual({ median: 40, min: 4, max: 400 });
  });

  it('summarizes more values than a function may take as arguments', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => i);
    expect(summarize(many).max).toBe(199_999);
  });
});
