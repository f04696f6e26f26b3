/**
 * `npm run dev:infra`: the local infrastructure, data kept under .data/ so pending calls survive restarts.
 * - a Temporal dev server on 7233 (Web UI on 8233), unless TEMPORAL_ADDRESS is set;
 * - an embedded PostgreSQL on 5433 with the `call_scheduler` database, unless DATABASE_URL is set.
 * Ctrl-C stops both.
 */
import {
  DEV_SERVER_DYNAMIC_CONFIG,
  DEV_SERVER_SQLITE_PRAGMAS,
  dynamicConfigArgs,
  ensureDatabase,
  ensureTemporalBinary,
  sqlitePragmaArgs,
  startEmbeddedPostgres,
  type LocalPostgres,
} from '@call-scheduler/testing/local-services';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const DATA_DIR = resolve(__dirname, '..', '.data');
const POSTGRES_PORT = 5433;
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const temporalBinary = process.env.TEMPORAL_ADDRESS ? null : await ensureTemporalBinary();
  const postgres = process.env.DATABASE_URL ? null : await startPostgres();
  const temporal = temporalBinary ? startTemporal(temporalBinary) : null;
  console.log('infrastructure ready; Ctrl-C stops it');
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    temporal?.once('exit', (code) => {
      console.error(`temporal server exited (${code})`);
      process.exitCode = 1;
      done();
    });
  });
  temporal?.kill('SIGTERM');
  await postgres?.stop();
}

async function startPostgres(): Promise<LocalPostgres> {
  const postgres = await startEmbeddedPostgres({ databaseDir: resolve(DATA_DIR, 'postgres'), port: POSTGRES_PORT, persistent: true });
  const url = await ensureDatabase(postgres.adminUrl, 'call_scheduler');
  console.log(`PostgreSQL: ${url}`);
  return postgres;
}

function startTemporal(binary: string): ChildProcess {
  const args = [
    'server', 'start-dev',
    '--db-filename', resolve(DATA_DIR, 'temporal.db'),
    ...sqlitePragmaArgs(DEV_SERVER_SQLITE_PRAGMAS),
    ...dynamicConfigArgs(DEV_SERVER_DYNAMIC_CONFIG),
    '--port', String(TEMPORAL_PORT),
    '--ui-port', String(TEMPORAL_UI_PORT),
    '--log-level', 'warn',
  ];
  console.log(`Temporal: localhost:${TEMPORAL_PORT}, Web UI http://localhost:${TEMPORAL_UI_PORT}`);
  return spawn(binary, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
