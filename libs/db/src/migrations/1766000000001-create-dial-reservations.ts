import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The spend cap's ledger: one row per dial attempt an account was allowed, from the moment it was
 * allowed until the attempt ended (released_at). Counted by the rolling windows and the calls in progress.
 */
export class CreateDialReservations1766000000001 implements MigrationInterface {
  name = 'CreateDialReservations1766000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dial_reservations (
        call_id uuid NOT NULL,
        attempt int NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        reserved_at timestamptz NOT NULL DEFAULT now(),
        released_at timestamptz,
        PRIMARY KEY (call_id, attempt)
      )`);
    await queryRunner.query(`CREATE INDEX dial_reservations_account_reserved_idx ON dial_reservations (account_id, reserved_at)`);
    await queryRunner.query(
      `CREATE INDEX dial_reservations_in_progress_idx ON dial_reservations (account_id, reserved_at) WHERE released_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dial_reservations`);
  }
}
