/** Where the bench's Temporal dev server keeps its data: `npm start`'s way (the default), its old way, or the tests'. */
export const TEMPORAL_PERSISTENCE = ['sqlite-wal', 'sqlite', 'memory'] as const;
export type TemporalPersistence = (typeof TEMPORAL_PERSISTENCE)[number];

/** What one `npm run bench` measures, and how much of it. */
export interface BenchOptions {
  /** A short run: fewer calls and repeats in every section. */
  quick: boolean;
  /** The sections to run, by name, in the bench's own order; null for all of them. */
  only: string[] | null;
  /** How many calls stored in PostgreSQL the list is timed at. */
  storedCalls: number;
  /** How many sleeping calls the worker's memory and CPU are taken at, in increasing order. */
  sleepingCalls: number[];
  /** How many calls each firing round has due in the same second, one round size after another. */
  bursts: number[];
  /**
   * How much further ahead than scheduling needs a firing round's due instant is: calls are booked in advance,
   * and a system that takes its calls in slowly (the project's worker records each one's first event) must not
   * be timed on its intake instead of its firing.
   */
  aheadSeconds: number;
  /** Where the Temporal dev server keeps its data. */
  temporal: TemporalPersistence;
}

const DEFAULTS = {
  quick: { storedCalls: 10_000, sleepingCalls: [200], bursts: [200], aheadSeconds: 5 },
  full: { storedCalls: 100_000, sleepingCalls: [10_000], bursts: [200, 1_000], aheadSeconds: 60 },
};

/**
 * Reads `--quick`, `--only=a,b`, `--stored=N`, `--sleeping=N,M`, `--bursts=N,M`, `--ahead=S` and `--temporal=sqlite-wal|sqlite|memory` from the command line, or from
 * npm's environment: `npm run bench --quick` hands the flag to npm, which passes it on as npm_config_quick.
 */
export function benchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): BenchOptions {
  const flag = (name: string): string | undefined => {
    const given = argv.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (given !== undefined) return given.includes('=') ? given.slice(given.indexOf('=') + 1) : 'true';
    return env[`npm_config_${name}`];
  };
  const unknown = argv.filter((arg) => !/^--(quick|only|stored|sleeping|bursts|ahead|temporal)(=|$)/.test(arg));
  if (unknown.length > 0) throw new Error(`unknown option(s): ${unknown.join(' ')} (known: --quick, --only=a,b, --stored=N, --sleeping=N,M, --bursts=N,M, --ahead=S, --temporal=P)`);

  const quick = flag('quick') === 'true';
  const defaults = quick ? DEFAULTS.quick : DEFAULTS.full;
  const only = flag('only');
  const stored = flag('stored');
  const sleeping = flag('sleeping');
  const bursts = flag('bursts');
  const ahead = flag('ahead');
  const temporal = flag('temporal') ?? 'sqlite-wal';
  if (!isPersistence(temporal)) throw new Error(`--temporal takes ${TEMPORAL_PERSISTENCE.join(', ')}, not "${temporal}"`);
  return {
    quick,
    only: only ? only.split(',').map((name) => name.trim()) : null,
    storedCalls: stored ? count('--stored', stored) : defaults.storedCalls,
    sleepingCalls: sleeping ? sleeping.split(',').map((value) => count('--sleeping', value)).sort((a, b) => a - b) : defaults.sleepingCalls,
    bursts: bursts ? bursts.split(',').map((value) => count('--bursts', value)) : defaults.bursts,
    aheadSeconds: ahead ? whole('--ahead', ahead) : defaults.aheadSeconds,
    temporal,
  };
}

function isPersistence(value: string): value is TemporalPersistence {
  return (TEMPORAL_PERSISTENCE as readonly string[]).includes(value);
}

function whole(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${option} takes a whole number, not "${value}"`);
  return number;
}

function count(option: string, value: string): number {
  const number = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < 1) throw new Error(`${option} takes whole numbers above 0, not "${value}"`);
  return number;
}
