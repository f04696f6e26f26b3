import { behaviourFromEnv } from './behaviour';
import { startMockProvider } from './index';
import { createLog } from './logger';

async function main(): Promise<void> {
  const logging = process.env.LOG_LEVEL !== 'silent';
  const provider = await startMockProvider({
    port: Number(process.env.PORT || 8010),
    host: process.env.HOST || '0.0.0.0',
    apiKey: process.env.PROVIDER_API_KEY || undefined,
    webhookSecret: process.env.MOCK_PROVIDER_WEBHOOK_SECRET || undefined,
    behaviour: behaviourFromEnv(process.env.MOCK_PROVIDER_BEHAVIOUR),
    logger: logging,
  });
  const log = createLog(logging);
  log('mock provider listening', { url: provider.url });

  const stop = (signal: NodeJS.Signals): void => {
    log('mock provider stopping', { signal });
    provider.close().catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
