import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLE_CHECK = `CHECK (role IN ('admin','operator','viewer'))`;

/**
 * Accounts own calls; users and API keys belong to one account each. Calls made before accounts
 * existed go to one account, "Default", whose first admin `npm start` (or the accounts CLI) creates.
 */
export class CreateAccounts1766000000000 implements MigrationInterface {
  name = 'CreateAccounts1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        dials_per_hour int NOT NULL,
        dials_per_day int NOT NULL,
        max_concurrent_calls int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL ${ROLE_CHECK},
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`);
    await queryRunner.query(`CREATE INDEX users_account_idx ON users (account_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name text NOT NULL,
        role text NOT NULL ${ROLE_CHECK},
        prefix text NOT NULL,
        secret_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_keys_prefix_idx ON api_keys (prefix)`);
    await queryRunner.query(`CREATE INDEX api_keys_account_idx ON api_keys (account_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        token_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await queryRunner.query(`
      CREATE TABLE sign_in_links (
        token_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE rate_limits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);

    await queryRunner.query(`ALTER TABLE calls ADD COLUMN account_id uuid REFERENCES accounts (id), ADD COLUMN dial_hold jsonb`);
    await queryRunner.query(`ALTER TABLE idempotency_keys ADD COLUMN account_id uuid REFERENCES accounts (id)`);
    await queryRunner.query(`
      INSERT INTO accounts (id, name, dials_per_hour, dials_per_day, max_concurrent_calls)
      SELECT gen_random_uuid(), 'Default', 200, 2000, 20
      WHERE EXISTS (SELECT 1 FROM calls) OR EXISTS (SELECT 1 FROM idempotency_keys)`);
    await queryRunner.query(`UPDATE calls SET account_id = (SELECT id FROM accounts)`);
    await queryRunner.query(`UPDATE idempotency_keys SET account_id = (SELECT id FROM accounts)`);
    await queryRunner.query(`ALTER TABLE calls ALTER COLUMN account_id SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE idempotency_keys ALTER COLUMN account_id SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey, ADD PRIMARY KEY (account_id, key)`);
    await queryRunner.query(`DROP INDEX calls_created_idx`);
    await queryRunner.query(`DROP INDEX calls_status_created_idx`);
    await queryRunner.query(`CREATE INDEX calls_account_created_idx ON calls (account_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX calls_account_status_created_idx ON calls (account_id, status, created_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX calls_account_status_created_idx`);
    await queryRunner.query(`DROP INDEX calls_account_created_idx`);
    await queryRunner.query(`CREATE INDEX calls_created_idx ON calls (created_at, id)`);
    await queryRunner.query(`CREATE INDEX calls_status_created_idx ON calls (status, created_at, id)`);
    await queryRunner.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey, ADD PRIMARY KEY (key)`);
    await queryRunner.query(`ALTER TABLE idempotency_keys DROP COLUMN account_id`);
    await queryRunner.query(`ALTER TABLE calls DROP COLUMN dial_hold, DROP COLUMN account_id`);
    for (const table of ['rate_limits', 'sign_in_links', 'sessions', 'api_keys', 'users', 'accounts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
