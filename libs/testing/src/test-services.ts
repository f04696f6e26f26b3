import { randomUUID } from 'node:crypto';
import { ensureDatabase } from './ensure-database';

/** The Temporal address the jest globalSetup started. */
export function testTemporalAddress(): string {
  return required('TEST_TEMPORAL_ADDRESS');
}

/** A fresh, empty database on the PostgreSQL the jest globalSetup started; its URL. */
export function createDatabaseForTest(): Promise<string> {
  return ensureDatabase(required('TEST_DATABASE_ADMIN_URL'), `test_${randomUUID().replaceAll('-', '')}`);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: is @call-scheduler/testing's jest globalSetup configured?`);
  return value;
}
