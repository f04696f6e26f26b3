import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'scheduled','dialing','ringing','in_progress','completed','no_answer','busy','failed','cancelled','expired'`;

/**
 * Each account's do-not-call list; the `blocked` status of a call whose number was on it when it was to be
 * dialled; and `blocked` as a held dial's decision, taken with the claim, just before its instant.
 */
export class CreateDoNotCall1770000000000 implements MigrationInterface {
  name = 'CreateDoNotCall1770000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE do_not_call (
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        phone_number text NOT NULL,
        reason text,
        added_by jsonb,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, phone_number)
      )`);
    await queryRunner.query(`
      ALTER TABLE calls
        DROP CONSTRAINT calls_status_check,
        ADD CONSTRAINT calls_status_check CHECK (status IN (${STATUSES_BEFORE},'blocked'))`);
    await queryRunner.query(`
      ALTER TABLE held_dials
        DROP CONSTRAINT held_dials_outcome_check,
        ADD CONSTRAINT held_dials_outcome_check CHECK (outcome IN ('dialled', 'called off', 'blocked'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE held_dials
        DROP CONSTRAINT held_dials_outcome_check,
        ADD CONSTRAINT held_dials_outcome_check CHECK (outcome IN ('dialled', 'called off'))`);
    await queryRunner.query(`
      ALTER TABLE calls
        DROP CONSTRAINT calls_status_check,
        ADD CONSTRAINT calls_status_check CHECK (status IN (${STATUSES_BEFORE}))`);
    await queryRunner.query(`DROP TABLE do_not_call`);
  }
}
