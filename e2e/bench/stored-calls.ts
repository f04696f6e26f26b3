import type { CallStatus } from '@call-scheduler/shared';
import type { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

/** The account the stack's operator key belongs to. */
const STACK_ACCOUNT = `(SELECT id FROM accounts WHERE name = 'Default')`;

/**
 * Projection rows of the stack's account with no workflow behind them, one a second back from now
 * (newest first as the list shows them), taking the statuses in turn: what a list of calls made long ago
 * reads. They are not changes anyone watches: the notify trigger is off for the insert's transaction
 * (which holds back other writers of `calls` meanwhile), so the API's stream is not flooded with them.
 * Returns their ids.
 */
export async function storeCalls(db: Client, count: number, statuses: readonly CallStatus[]): Promise<string[]> {
  await db.query('BEGIN');
  try {
    await db.query('ALTER TABLE calls DISABLE TRIGGER calls_notify_change');
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO calls (id, account_id, phone_number, note, scheduled_at, status, attempt, max_attempts, retry_delay_seconds,
                          next_attempt_at, external_call_id, last_error, created_at, updated_at, version)
       SELECT gen_random_uuid(), ${STACK_ACCOUNT}, '+1206555' || lpad((n % 10000)::text, 4, '0'), NULL, now() - n * interval '1 second',
              ($2::text[])[1 + n % cardinality($2::text[])], CASE WHEN ($2::text[])[1 + n % cardinality($2::text[])] = 'scheduled' THEN 0 ELSE 1 END,
              3, 300, NULL, NULL, NULL, now() - n * interval '1 second', now() - n * interval '1 second', 1
       FROM generate_series(1, $1) AS n
       RETURNING id`,
      [count, statuses],
    );
    await db.query('ALTER TABLE calls ENABLE TRIGGER calls_notify_change');
    await db.query('COMMIT');
    return rows.map((row) => row.id);
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** How many calls the stack's account has in PostgreSQL, with this status if one is named. */
export async function countCalls(db: Client, status?: CallStatus): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM calls WHERE account_id = ${STACK_ACCOUNT} AND ($1::text IS NULL OR status = $1)`,
    [status ?? null],
  );
  return rows[0]!.count;
}

/** How long the worker may go without catching up with one more call before the bench gives up on it. */
const SETTLE_STALL_MS = 2 * 60_000;
const SETTLE_POLL_MS = 250;

/**
 * Waits until the worker has caught up with the stack's account: every call the API made has its
 * first event recorded (none is still at version 0), and none is being dialled. Resolves at once on a
 * quiet stack. A backlog of many thousand calls takes a while: it fails only once none has settled for
 * SETTLE_STALL_MS.
 */
export async function settled(db: Client): Promise<void> {
  let fewest = Infinity;
  let progressAt = Date.now();
  for (;;) {
    const unsettled = await countUnsettled(db);
    if (unsettled === 0) return;
    if (unsettled < fewest) [fewest, progressAt] = [unsettled, Date.now()];
    if (Date.now() - progressAt > SETTLE_STALL_MS) {
      throw new Error(`The worker stopped catching up: ${unsettled} calls unsettled for ${SETTLE_STALL_MS / 1000} s`);
    }
    await sleep(SETTLE_POLL_MS);
  }
}

async function countUnsettled(db: Client): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM calls
     WHERE account_id = ${STACK_ACCOUNT} AND (version = 0 OR status IN ('dialing', 'ringing', 'in_progress'))`,
  );
  return rows[0]!.count;
}
