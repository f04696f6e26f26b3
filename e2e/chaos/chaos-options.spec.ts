import { chaosOptions } from './chaos-options';

describe('the chaos options', () => {
  it('runs the full soak when given nothing: at least 500 calls, both APIs killed once', () => {
    const options = chaosOptions([], {});
    expect(options).toMatchObject({ short: false, writeDocs: false, size: { calls: 500, apiKills: 2 }, providerSize: { calls: 300 } });
    expect(options.scenarios).toEqual(['crash-soak', 'provider-chaos', 'commands-under-fire', 'database-outage']);
    expect(options.outageSize.outagesMs).toEqual([20_000, 120_000]);
  });

  it('runs the scenarios --only names, in its order', () => {
    expect(chaosOptions(['--only=provider-chaos', '--short'], {})).toMatchObject({ scenarios: ['provider-chaos'], providerSize: { calls: 30 } });
    expect(chaosOptions(['--only=database-outage,crash-soak'], {}).scenarios).toEqual(['database-outage', 'crash-soak']);
    expect(() => chaosOptions(['--only=everything'], {})).toThrow(
      '--only takes crash-soak, provider-chaos, commands-under-fire, database-outage, or several of them with commas, not "everything"',
    );
  });

  it('runs a short soak with --short, from the command line or from npm, still with every kind of fault', () => {
    expect(chaosOptions(['--short'], {}).size).toMatchObject({ calls: 90, apiKills: 1 });
    expect(chaosOptions([], { npm_config_short: 'true' }).short).toBe(true);
    expect(chaosOptions(['--write-docs'], {}).writeDocs).toBe(true);
    expect(chaosOptions(['--short', '--calls=300'], {}).size).toMatchObject({ calls: 300, createWindowMs: 36_000 });
  });

  it('refuses what it does not know, rather than run a soak nobody asked for', () => {
    expect(() => chaosOptions(['--shrot'], {})).toThrow('unknown option(s): --shrot');
    expect(() => chaosOptions(['--calls=lots'], {})).toThrow('--calls takes a whole number');
  });
});
