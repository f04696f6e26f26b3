import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schedules of recurring calls each account owns, with their timing as written (Temporal keeps the rest,
 * and the timing compiled into its own form); and on each call, the schedule whose run made it.
 */
export class CreateSchedules1769000000000 implements MigrationInterface {
  name = 'CreateSchedules1769000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE schedules (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id),
        timing jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX schedules_account_created_idx ON schedules (account_id, created_at, id)`);
    await queryRunner.query(`ALTER TABLE calls ADD COLUMN schedule_id uuid`);
    await queryRunner.query(`CREATE INDEX calls_schedule_created_idx ON calls (schedule_id, created_at) WHERE schedule_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX calls_schedule_created_idx`);
    await queryRunner.query(`ALTER TABLE calls DROP COLUMN schedule_id`);
    await queryRunner.query(`DROP TABLE schedules`);
  }
}
