import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type LocalPostgres } from './embedded-postgres';
import { freePort } from './free-port';

/** A throw-away PostgreSQL cluster on a free port, its data in a temporary directory. */
export async function startTestPostgres(): Promise<LocalPostgres> {
  const databaseDir = join(tmpdir(), `call-scheduler-test-pg-${randomUUID()}`);
  const pg = await startEmbeddedPostgres({ databaseDir, port: await freePort(), persistent: false });
  return {
    adminUrl: pg.adminUrl,
    stop: async () => {
      await pg.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}
