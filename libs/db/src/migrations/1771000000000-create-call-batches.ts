import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batches of calls created in bulk, each owned by an account; the report of each bulk request, under its
 * Idempotency-Key, so that the request sent again answers the same; on each call, its batch. Calls are found
 * by the first digits of their number within an account.
 */
export class CreateCallBatches1771000000000 implements MigrationInterface {
  name = 'CreateCallBatches1771000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE call_batches (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX call_batches_account_created_idx ON call_batches (account_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE call_batch_requests (
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        report jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, idempotency_key)
      )`);
    await queryRunner.query(`ALTER TABLE calls ADD COLUMN batch_id uuid`);
    await queryRunner.query(`CREATE INDEX calls_batch_created_idx ON calls (batch_id, created_at, id) WHERE batch_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX calls_account_phone_idx ON calls (account_id, phone_number text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX calls_account_phone_idx`);
    await queryRunner.query(`DROP INDEX calls_batch_created_idx`);
    await queryRunner.query(`ALTER TABLE calls DROP COLUMN batch_id`);
    await queryRunner.query(`DROP TABLE call_batch_requests`);
    await queryRunner.query(`DROP TABLE call_batches`);
  }
}
