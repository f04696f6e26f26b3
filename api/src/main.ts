import 'reflect-metadata';
import { createApiApp } from './app.setup';
import { readApiConfig } from './config/api.config';

async function main(): Promise<void> {
  const config = readApiConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  console.log(`API on ${await app.getUrl()} (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
