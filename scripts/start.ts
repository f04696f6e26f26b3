/**
 * `npm start`: the whole stack in one terminal. Parts given by the environment are not started:
 * TEMPORAL_ADDRESS (Temporal), DATABASE_URL (PostgreSQL), PROVIDER_URL (the mock provider).
 * The mock provider posts status callbacks to the API, signed with a secret made up for this start
 * (or PROVIDER_WEBHOOK_SECRET). Ctrl-C stops everything.
 */
import { ensureTemporalBinary } from '@call-scheduler/testing/local-services';
import concurrently, { type ConcurrentlyCommandInput } from 'concurrently';
import { randomBytes } from 'node:crypto';

const needsInfra = !process.env.TEMPORAL_ADDRESS || !process.env.DATABASE_URL;
const mockProvider = !process.env.PROVIDER_URL;
const webhookSecret = process.env.PROVIDER_WEBHOOK_SECRET ?? (mockProvider ? randomBytes(32).toString('hex') : undefined);
const statusCallbackUrl = process.env.PROVIDER_STATUS_CALLBACK_URL ?? (webhookSecret ? `http://localhost:${process.env.PORT ?? 8000}/api/provider/events` : undefined);

const commands: ConcurrentlyCommandInput[] = [
  ...(needsInfra ? [{ name: 'infra', command: 'tsx scripts/dev-infra.ts', prefixColor: 'gray' }] : []),
  ...(mockProvider ? [{ name: 'provider', command: 'node mock-provider/dist/main.js', prefixColor: 'magenta', env: { MOCK_PROVIDER_WEBHOOK_SECRET: webhookSecret } }] : []),
  { name: 'worker', command: 'node worker/dist/main.js', prefixColor: 'yellow', env: { PROVIDER_STATUS_CALLBACK_URL: statusCallbackUrl } },
  // On a database without users, the first admin, with a sign-in link printed once; then the API.
  { name: 'api', command: 'node api/dist/cli/accounts.cli.js first-start && node api/dist/main.js', prefixColor: 'cyan', env: { PROVIDER_WEBHOOK_SECRET: webhookSecret } },
  { name: 'web', command: 'npm run serve -w web', prefixColor: 'green' },
];

async function main(): Promise<void> {
  // Before anything starts, so the worker and the API never wait on Temporal through a first install.
  if (!process.env.TEMPORAL_ADDRESS) await ensureTemporalBinary();
  const { result } = concurrently(commands, { killOthersOn: ['failure', 'success'], killSignal: 'SIGTERM' });
  await result.then(
    () => process.exit(0),
    () => process.exit(process.exitCode ?? 0),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
