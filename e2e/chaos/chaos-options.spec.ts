import { chaosOptions } from './chaos-options';

describe('the chaos options', () => {
  it('runs the full soak when given nothing: at least 500 calls, both APIs killed once', () => {
    const options = chaosOptions([], {});
    expect(options).toMatchObject({ short: false, writeDocs: false, size: { calls: 500, apiKills: 2 }, providerSize: { calls: 300 } });
    expect(options.scenarios).toEqual(['crash-soak', 'provider-chaos']);
  });

  it('runs one scenario with --only', () => {
    expect(chaosOptions(['--only=provider-chaos', '--short'], {})).toMatchObject({ scenarios: ['provider-chaos'], providerSize: { calls: 40 } });
    expect(() => chaosOptions(['--only=everything'], {})).toThrow('--only takes one of crash-soak, provider-chaos, not "everything"');
  });

  it('runs a short soak with --short, from the command line or from npm, still with every kind of fault', () => {
    expect(chaosOptions(['--short'], {}).size).toMatchObject({ calls: 120, apiKills: 1 });
    expect(chaosOptions([], { npm_config_short: 'true' }).short).toBe(true);
    expect(chaosOptions(['--write-docs'], {}).writeDocs).toBe(true);
    expect(chaosOptions(['--short', '--calls=300'], {}).size).toMatchObject({ calls: 300, createWindowMs: 50_000 });
  });

  it('refuses what it does not know, rather than run a soak nobody asked for', () => {
    expect(() => chaosOptions(['--shrot'], {})).toThrow('unknown option(s): --shrot');
    expect(() => chaosOptions(['--calls=lots'], {})).toThrow('--calls takes a whole number');
  });
});
