import { Client } from 'pg';

export interface DatabaseAway {
  /** Lets connections in again. */
  back(): Promise<void>;
}

/**
 * Turns every client away from one test database, as while PostgreSQL restarts: its connections are cut and
 * new ones refused until `back()`, while the other test files' databases on the same server carry on.
 * PostgreSQL takes that only from a connection to another database.
 */
export async function takeDatabaseAway(databaseUrl: string): Promise<DatabaseAway> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  const quoted = `"${name.replaceAll('"', '""')}"`;
  await admin.query(`ALTER DATABASE ${quoted} ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  return {
    back: async () => {
      try {
        await admin.query(`ALTER DATABASE ${quoted} ALLOW_CONNECTIONS true`);
      } finally {
        await admin.end();
      }
    },
  };
}
