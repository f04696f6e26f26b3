import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The last hour's dials, counted for the overview, without reading every call's events. */
export class IndexDialEvents1772000000000 implements MigrationInterface {
  name = 'IndexDialEvents1772000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX call_events_dials_idx ON call_events (occurred_at) WHERE type = 'DialAttemptStarted'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX call_events_dials_idx`);
  }
}
