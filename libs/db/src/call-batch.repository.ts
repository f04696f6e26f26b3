import type { CallBatchDto, CallBatchReport } from '@call-scheduler/shared';
import type { DataSource } from 'typeorm';

export interface SavedBatchReport {
  requestHash: string;
  report: CallBatchReport;
}

/** Batches of calls created in bulk, and the report each bulk request answered, kept under its key. */
export class CallBatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the batch for the account, or finds it open already; false if another account owns that id. */
  async open(accountId: string, id: string, name: string | null): Promise<boolean> {
    const [row]: { account_id: string }[] = await this.dataSource.query(
      `WITH opened AS (
         INSERT INTO call_batches (id, account_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING account_id
       )
       SELECT account_id FROM opened UNION ALL SELECT account_id FROM call_batches WHERE id = $1`,
      [id, accountId, name],
    );
    return row?.account_id === accountId;
  }

  /** The account's batches, newest first, with how many calls each holds. */
  async list(accountId: string, limit: number): Promise<CallBatchDto[]> {
    const rows: { id: string; name: string | null; created_at: Date; calls: number }[] = await this.dataSource.query(
      `SELECT id, name, created_at, (SELECT count(*)::int FROM calls WHERE calls.batch_id = call_batches.id) AS calls
       FROM call_batches WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at.toISOString(), calls: row.calls }));
  }

  async findReport(accountId: string, idempotencyKey: string): Promise<SavedBatchReport | null> {
    const [row]: { request_hash: string; report: CallBatchReport }[] = await this.dataSource.query(
      `SELECT request_hash, report FROM call_batch_requests WHERE account_id = $1 AND idempotency_key = $2`,
      [accountId, idempotencyKey],
    );
    return row ? { requestHash: row.request_hash, report: row.report } : null;
  }

  /** Keeps the report under the key, unless one is kept already: the first request to finish decides, and is answered. */
  async saveReport(accountId: string, idempotencyKey: string, saved: SavedBatchReport): Promise<SavedBatchReport> {
    await this.dataSource.query(
      `INSERT INTO call_batch_requests (account_id, idempotency_key, request_hash, report) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, idempotency_key) DO NOTHING`,
      [accountId, idempotencyKey, saved.requestHash, JSON.stringify(saved.report)],
    );
    return (await this.findReport(accountId, idempotencyKey))!;
  }
}
