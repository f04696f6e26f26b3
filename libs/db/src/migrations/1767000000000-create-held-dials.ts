import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What became of each dial a worker held for its instant: dialled (the worker claimed it at the instant)
 * or called off (a command got there first). The row's primary key makes the two exclusive.
 */
export class CreateHeldDials1767000000000 implements MigrationInterface {
  name = 'CreateHeldDials1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE held_dials (
        hold_id text PRIMARY KEY,
        outcome text NOT NULL CHECK (outcome IN ('dialled', 'called off')),
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX held_dials_decided_at_idx ON held_dials (decided_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE held_dials`);
  }
}
