import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCallProjections1764000000000 implements MigrationInterface {
  name = 'CreateCallProjections1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY,
        phone_number text NOT NULL,
        note text,
        scheduled_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled','dialing','ringing','in_progress','completed','no_answer','busy','failed','cancelled')),
        attempt int NOT NULL,
        max_attempts int NOT NULL,
        retry_delay_seconds int NOT NULL,
        next_attempt_at timestamptz,
        external_call_id text,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX calls_created_idx ON calls (created_at, id)`);
    await queryRunner.query(`CREATE INDEX calls_status_created_idx ON calls (status, created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE call_events (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        seq int NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (call_id, seq)
      )`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        request_hash text NOT NULL,
        call jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP TABLE call_events`);
    await queryRunner.query(`DROP TABLE calls`);
  }
}
