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

/** How big the provider chaos is: calls created over a window, and how long they may take to end once due. */
export type ProviderChaosSize = Pick<SoakSize, 'calls' | 'createWindowMs' | 'aheadMs' | 'aheadJitterMs' | 'settleTimeoutMs'>;

/** How big the commands under fire are: keys created over a window, the calls' due times, and the worker kills meanwhile. */
export interface CommandsSize extends Pick<SoakSize, 'calls' | 'createWindowMs' | 'workerKillEveryMs' | 'settleTimeoutMs'> {
  /** How far ahead the calls cancelled while sleeping are due: long after their cancel, however long their create took. */
  sleepingForMs: number;
  /** How far ahead the calls cancelled at their instant are due. */
  dueSoonMs: number;
}

/** How big the database outage is: calls due while PostgreSQL is down, once for each length of outage. */
export interface OutageSize extends Pick<SoakSize, 'calls' | 'settleTimeoutMs'> {
  outagesMs: number[];
}

export const SCENARIOS = ['crash-soak', 'provider-chaos', 'commands-under-fire', 'database-outage'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ChaosOptions {
  short: boolean;
  /** Refresh the run's tables in docs/RELIABILITY.md. */
  writeDocs: boolean;
  /** The scenarios to run, in order: every one unless `--only` names some. */
  scenarios: Scenario[];
  size: SoakSize;
  providerSize: ProviderChaosSize;
  commandsSize: CommandsSize;
  outageSize: OutageSize;
}

const SIZES: Record<'short' | 'full', SoakSize> = {
  short: {
    calls: 90,
    createWindowMs: 36_000,
    aheadMs: 18_000,
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

const PROVIDER_SIZES: Record<'short' | 'full', ProviderChaosSize> = {
  short: { calls: 30, createWindowMs: 10_000, aheadMs: 8_000, aheadJitterMs: 4_000, settleTimeoutMs: 180_000 },
  full: { calls: 300, createWindowMs: 90_000, aheadMs: 15_000, aheadJitterMs: 10_000, settleTimeoutMs: 300_000 },
};

const COMMANDS_SIZES: Record<'short' | 'full', CommandsSize> = {
  short: { calls: 30, createWindowMs: 10_000, sleepingForMs: 60_000, dueSoonMs: 8_000, workerKillEveryMs: { min: 5_000, max: 8_000 }, settleTimeoutMs: 60_000 },
  full: { calls: 100, createWindowMs: 30_000, sleepingForMs: 60_000, dueSoonMs: 10_000, workerKillEveryMs: { min: 3_000, max: 6_000 }, settleTimeoutMs: 120_000 },
};

const OUTAGE_SIZES: Record<'short' | 'full', OutageSize> = {
  short: { calls: 30, outagesMs: [20_000], settleTimeoutMs: 120_000 },
  full: { calls: 100, outagesMs: [20_000, 120_000], settleTimeoutMs: 300_000 },
};

/**
 * Reads `--short`, `--write-docs`, `--only=<scenario>` and `--calls=N` (the crash soak's) from the command line, or from npm's environment:
 * `npm run test:chaos --short` hands the flag to npm, which passes it on as npm_config_short.
 */
export function chaosOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ChaosOptions {
  const unknown = argv.filter((arg) => !/^--(short|write-docs|calls=.*|only=.*)$/.test(arg));
  if (unknown.length > 0) throw new Error(`unknown option(s): ${unknown.join(' ')} (known: --short, --write-docs, --only=<scenario>[,<scenario>…], --calls=N)`);
  const flag = (name: string): string | undefined => {
    const given = argv.find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (given !== undefined) return given.includes('=') ? given.slice(given.indexOf('=') + 1) : 'true';
    return env[`npm_config_${name.replaceAll('-', '_')}`];
  };
  const short = flag('short') === 'true';
  const calls = flag('calls');
  const size = SIZES[short ? 'short' : 'full'];
  return {
    short,
    writeDocs: flag('write-docs') === 'true',
    scenarios: scenarios(flag('only')),
    size: calls === undefined ? size : { ...size, calls: callCount(calls) },
    providerSize: PROVIDER_SIZES[short ? 'short' : 'full'],
    commandsSize: COMMANDS_SIZES[short ? 'short' : 'full'],
    outageSize: OUTAGE_SIZES[short ? 'short' : 'full'],
  };
}

function scenarios(only: string | undefined): Scenario[] {
  if (only === undefined) return [...SCENARIOS];
  return only.split(',').map((name) => {
    const scenario = SCENARIOS.find((known) => known === name);
    if (!scenario) throw new Error(`--only takes ${SCENARIOS.join(', ')}, or several of them with commas, not "${name}"`);
    return scenario;
  });
}

function callCount(value: string): number {
  const number = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < 2) throw new Error(`--calls takes a whole number of at least 2, not "${value}"`);
  return number;
}
