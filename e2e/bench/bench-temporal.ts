import { DEV_SERVER_SQLITE_PRAGMAS } from '@call-scheduler/testing/local-services';
import type { TestTemporalOptions } from '@call-scheduler/testing';
import { join } from 'node:path';
import type { TemporalPersistence } from './bench-options';

export const TEMPORAL_PERSISTENCE_LABEL: Record<TemporalPersistence, string> = {
  'sqlite-wal': "a SQLite file with npm start's pragmas (journal_mode=wal, synchronous=normal)",
  sqlite: "a SQLite file with SQLite's default settings",
  memory: 'in memory, as the tests run it',
};

/** The server options for one of them, its file (if any) in `dir`. */
export function temporalOptions(persistence: TemporalPersistence, dir: string): TestTemporalOptions {
  if (persistence === 'memory') return {};
  const dbFilename = join(dir, 'temporal.db');
  return persistence === 'sqlite' ? { dbFilename } : { dbFilename, sqlitePragmas: DEV_SERVER_SQLITE_PRAGMAS };
}
