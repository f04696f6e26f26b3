import type { DataSource } from 'typeorm';

/** Any constant will do: it names the lock every process takes before it migrates. */
const MIGRATION_LOCK_ID = 727_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so API and worker processes
 * starting together migrate once and the others wait, then find nothing to do.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await dataSource.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.release();
  }
}
