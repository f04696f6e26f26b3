import type { ScheduleTiming } from '@call-scheduler/shared';
import type { DataSource } from 'typeorm';

export interface OwnedSchedule {
  id: string;
  accountId: string;
  /** As written: Temporal keeps a cron expression compiled into calendars. */
  timing: ScheduleTiming;
  createdAt: string;
}

/** Which account owns each schedule of recurring calls, and its timing as written; Temporal keeps the rest. */
export class ScheduleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records the schedule, then makes it in Temporal (`make`), in one transaction: a schedule Temporal refused
   * leaves no row, and no schedule runs calls without its row.
   */
  async create(schedule: Omit<OwnedSchedule, 'createdAt'>, make: () => Promise<void>): Promise<OwnedSchedule> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`INSERT INTO schedules (id, account_id, timing) VALUES ($1, $2, $3) RETURNING *`, [
        schedule.id,
        schedule.accountId,
        JSON.stringify(schedule.timing),
      ]);
      await make();
      return toSchedule(row);
    });
  }

  /** Changes the timing as written, and in Temporal (`change`), in one transaction, as create() does. */
  async updateTiming(accountId: string, id: string, timing: ScheduleTiming, change: () => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE schedules SET timing = $3 WHERE id = $1 AND account_id = $2`, [id, accountId, JSON.stringify(timing)]);
      await change();
    });
  }

  /** The schedule, if it belongs to the account. */
  async findInAccount(accountId: string, id: string): Promise<OwnedSchedule | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM schedules WHERE id = $1 AND account_id = $2`, [id, accountId]);
    return row ? toSchedule(row) : null;
  }

  /** The account's schedules, newest first. */
  async listInAccount(accountId: string, limit: number): Promise<OwnedSchedule[]> {
    const rows: ScheduleRow[] = await this.dataSource.query(
      `SELECT * FROM schedules WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [accountId, limit],
    );
    return rows.map(toSchedule);
  }

  /** Forgets the schedule once Temporal has deleted it (`remove`), in one transaction. */
  async delete(accountId: string, id: string, remove: () => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM schedules WHERE id = $1 AND account_id = $2`, [id, accountId]);
      await remove();
    });
  }
}

interface ScheduleRow {
  id: string;
  account_id: string;
  timing: ScheduleTiming;
  created_at: Date;
}

function toSchedule(row: ScheduleRow): OwnedSchedule {
  return { id: row.id, accountId: row.account_id, timing: row.timing, createdAt: row.created_at.toISOString() };
}
