import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'scheduled','dialing','ringing','in_progress','completed','no_answer','busy','failed','cancelled'`;

/**
 * Each call's calling window and deadline, and the `expired` status of a call that missed its deadline;
 * each account's default window, which its calls take unless they carry their own.
 */
export class AddCallingWindows1768000000000 implements MigrationInterface {
  name = 'AddCallingWindows1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE calls
        ADD COLUMN calling_window jsonb,
        ADD COLUMN latest_at timestamptz,
        ADD COLUMN window_opens_at timestamptz,
        ADD COLUMN window_overridden boolean NOT NULL DEFAULT false,
        DROP CONSTRAINT calls_status_check,
        ADD CONSTRAINT calls_status_check CHECK (status IN (${STATUSES_BEFORE},'expired'))`);
    await queryRunner.query(`ALTER TABLE accounts ADD COLUMN default_calling_window jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE accounts DROP COLUMN default_calling_window`);
    await queryRunner.query(`
      ALTER TABLE calls
        DROP CONSTRAINT calls_status_check,
        ADD CONSTRAINT calls_status_check CHECK (status IN (${STATUSES_BEFORE})),
        DROP COLUMN window_overridden,
        DROP COLUMN window_opens_at,
        DROP COLUMN latest_at,
        DROP COLUMN calling_window`);
  }
}
