/** How big a crash soak is, and how hard it is shaken. */
export interface SoakSize {
  calls: number;
  /** Over how long the calls are created, one after another at an even pace. */
  createWindowMs: number;
  /** Each call is due this long after its create is sent, plus up to `aheadJitterMs` more. */
  aheadMs: number;
  aheadJitterMs: number;
  /** A worker is killed every this many milliseconds, give or take. */
  workerKillEveryMs: { min: number; max: number };
  /** How many times an API is killed in the middle of a create, the two APIs in turn. */
  apiKills: number;
  /** How long after the last call was due the run waits for every call to end. */
  settleTimeoutMs: number;
}

export interface ChaosOptions {
  short: boolean;
  /** Refresh the run's table in docs/RELIABILITY.md. */
  writeDocs: boolean;
  size: SoakSize;
}

const SIZES: Record<'short' | 'full', SoakSize> = {
  short: {
    calls: 120,
    createWindowMs: 50_000,
    aheadMs: 20_000,
    aheadJitterMs: 5_000,
    workerKillEveryMs: { min: 5_000, max: 8_000 },
    apiKills: 1,
    settleTimeoutMs: 60_000,
  },
  full: {
    calls: 500,
    createWindowMs: 180_000,
    aheadMs: 20_000,
    aheadJitterMs: 10_000,
    workerKillEveryMs: { min: 3_000, max: 6_000 },
    apiKills: 2,
    settleTimeoutMs: 180_000,
  },
};

/**
 * Reads `--short`, `--write-docs` and `--calls=N` from the command line, or from npm's environment:
 * `npm run test:chaos --short` hands the flag to npm, which passes it on as npm_config_short.
 */
export function chaosOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ChaosOptions {
  const unknown = argv.filter((arg) => !/^--(short|write-docs|calls=.*)$/.test(arg));
  if (unknown.length > 0) throw new Error(`unknown option(s): ${unknown.join(' ')} (known: --short, --write-docs, --calls=N)`);
  const flag = (name: string): string | undefined => {
    const given = argv.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (given !== undefined) return given.includes('=') ? given.slice(given.indexOf('=') + 1) : 'true';
    return env[`npm_config_${name.replaceAll('-', '_')}`];
  };
  const short = flag('short') === 'true';
  const calls = flag('calls');
  const size = SIZES[short ? 'short' : 'full'];
  return { short, writeDocs: flag('write-docs') === 'true', size: calls === undefined ? size : { ...size, calls: callCount(calls) } };
}

function callCount(value: string): number {
  const number = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < 2) throw new Error(`--calls takes a whole number of at least 2, not "${value}"`);
  return number;
}
