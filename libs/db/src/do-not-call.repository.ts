import type { Actor, DoNotCallEntryDto } from '@call-scheduler/shared';
import type { DataSource } from 'typeorm';

export interface DoNotCallQuery {
  /** Numbers starting with this, `+` included. */
  prefix?: string;
  /** The page starts after this number. */
  after?: string;
  limit: number;
}

export interface NewDoNotCallEntry {
  phoneNumber: string;
  reason: string | null;
}

/** Each account's do-not-call list: numbers its calls must never dial, whoever created them. */
export class DoNotCallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the numbers not listed yet, as given, and answers which of them it added; listed ones stay as they were. */
  async add(accountId: string, entries: readonly NewDoNotCallEntry[], by: Actor | null): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const rows: { phone_number: string }[] = await this.dataSource.query(
      `INSERT INTO do_not_call (account_id, phone_number, reason, added_by)
       SELECT $1, phone_number, reason, $4 FROM unnest($2::text[], $3::text[]) AS entry(phone_number, reason)
       ON CONFLICT (account_id, phone_number) DO NOTHING
       RETURNING phone_number`,
      [accountId, entries.map((entry) => entry.phoneNumber), entries.map((entry) => entry.reason), by && JSON.stringify(by)],
    );
    return new Set(rows.map((row) => row.phone_number));
  }

  /** Whether the number was on the list. */
  async remove(accountId: string, phoneNumber: string): Promise<boolean> {
    const [row]: { removed: number }[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM do_not_call WHERE account_id = $1 AND phone_number = $2 RETURNING 1) SELECT count(*)::int AS removed FROM gone`,
      [accountId, phoneNumber],
    );
    return row!.removed > 0;
  }

  /** Which of the numbers are on the account's list. */
  async listed(accountId: string, phoneNumbers: readonly string[]): Promise<Set<string>> {
    if (phoneNumbers.length === 0) return new Set();
    const rows: { phone_number: string }[] = await this.dataSource.query(
      `SELECT phone_number FROM do_not_call WHERE account_id = $1 AND phone_number = ANY($2::text[])`,
      [accountId, phoneNumbers],
    );
    return new Set(rows.map((row) => row.phone_number));
  }

  async find(accountId: string, phoneNumber: string): Promise<DoNotCallEntryDto | null> {
    const [row]: DoNotCallRow[] = await this.dataSource.query(`SELECT * FROM do_not_call WHERE account_id = $1 AND phone_number = $2`, [
      accountId,
      phoneNumber,
    ]);
    return row ? toEntry(row) : null;
  }

  /** A page of the list in number order, and how many entries match in all. */
  async page(accountId: string, { prefix = '', after, limit }: DoNotCallQuery): Promise<{ items: DoNotCallEntryDto[]; total: number }> {
    const matching = `account_id = $1 AND starts_with(phone_number, $2)`;
    const [rows, [counted]]: [DoNotCallRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(`SELECT * FROM do_not_call WHERE ${matching} AND phone_number > $3 ORDER BY phone_number LIMIT $4`, [
        accountId,
        prefix,
        after ?? '',
        limit,
      ]),
      this.dataSource.query(`SELECT count(*)::int AS total FROM do_not_call WHERE ${matching}`, [accountId, prefix]),
    ]);
    return { items: rows.map(toEntry), total: counted!.total };
  }
}

interface DoNotCallRow {
  phone_number: string;
  reason: string | null;
  added_by: Actor | null;
  added_at: Date;
}

function toEntry(row: DoNotCallRow): DoNotCallEntryDto {
  return { phoneNumber: row.phone_number, reason: row.reason, addedAt: row.added_at.toISOString(), addedBy: row.added_by };
}
