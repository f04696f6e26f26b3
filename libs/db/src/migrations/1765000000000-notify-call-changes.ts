import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every process that writes a call tells every API instance listening, through PostgreSQL:
 * the notification goes out when the write commits, and not at all when it rolls back.
 */
export class NotifyCallChanges1765000000000 implements MigrationInterface {
  name = 'NotifyCallChanges1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_call_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('call_changes', json_build_object('id', NEW.id, 'version', NEW.version)::text);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER calls_notify_change AFTER INSERT OR UPDATE ON calls
      FOR EACH ROW EXECUTE FUNCTION notify_call_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER calls_notify_change ON calls`);
    await queryRunner.query(`DROP FUNCTION notify_call_change()`);
  }
}
