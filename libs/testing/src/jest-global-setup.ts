import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { LocalPostgres } from './embedded-postgres';
import { ensureTemporalBinary } from './temporal-binary';
import { startTestPostgres } from './test-postgres';
import { startTestTemporal, type TestTemporalOptions } from './test-temporal';

interface TestServices {
  temporal: TestWorkflowEnvironment;
  postgres: LocalPostgres;
}

const KEY = Symbol.for('call-scheduler.test-services');
type WithServices = typeof globalThis & { [KEY]?: TestServices };

/**
 * Jest globalSetup: one Temporal dev server and one PostgreSQL for the whole run of a project,
 * handed to the test files through the environment (TEST_TEMPORAL_ADDRESS, TEST_DATABASE_ADMIN_URL).
 * The Temporal CLI comes first, installed if missing, so a failure to get it leaves nothing running.
 */
export default async function globalSetup(): Promise<void> {
  await startTestServices();
}

/** What globalSetup does, with a Temporal server as `temporal` asks (a benchmark may want `npm start`'s SQLite file). */
export async function startTestServices(temporalOptions: TestTemporalOptions = {}): Promise<void> {
  await ensureTemporalBinary();
  const [temporal, postgres] = await Promise.all([startTestTemporal(temporalOptions), startTestPostgres()]);
  (globalThis as WithServices)[KEY] = { temporal, postgres };
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_DATABASE_ADMIN_URL = postgres.adminUrl;
}

export async function globalTeardown(): Promise<void> {
  const services = (globalThis as WithServices)[KEY];
  if (!services) return;
  await Promise.allSettled([services.temporal.teardown(), services.postgres.stop()]);
}
