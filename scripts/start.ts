/**
 * `npm start`: the whole stack in one terminal. Parts given by the environment are not started:
 * TEMPORAL_ADDRESS (Temporal), DATABASE_URL (PostgreSQL), PROVIDER_URL (the mock provider).
 * Ctrl-C stops everything.
 */
import concurrently, { type ConcurrentlyCommandInput } from 'concurrently';

const needsInfra = !process.env.TEMPORAL_ADDRESS || !process.env.DATABASE_URL;

const commands: ConcurrentlyCommandInput[] = [
  ...(needsInfra ? [{ name: 'infra', command: 'tsx scripts/dev-infra.ts', prefixColor: 'gray' }] : []),
  ...(process.env.PROVIDER_URL ? [] : [{ name: 'provider', command: 'node mock-provider/dist/main.js', prefixColor: 'magenta' }]),
  { name: 'worker', command: 'node worker/dist/main.js', prefixColor: 'yellow' },
  // On a database without users, the first admin, with a sign-in link printed once; then the API.
  { name: 'api', command: 'node api/dist/cli/accounts.cli.js first-start && node api/dist/main.js', prefixColor: 'cyan' },
  { name: 'web', command: 'npm run serve -w web', prefixColor: 'green' },
];

const { result } = concurrently(commands, { killOthersOn: ['failure', 'success'], killSignal: 'SIGTERM' });

result.then(
  () => process.exit(0),
  () => process.exit(process.exitCode ?? 0),
);
