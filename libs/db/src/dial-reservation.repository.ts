import { DIAL_RESERVATION_LEASE_MS, type DialHold, type DialLimits } from '@call-scheduler/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { DAY_MS, HOUR_MS, dialHold, type DialUsage } from './dial-hold';

/** One dial attempt of one call. */
export interface DialKey {
  callId: string;
  attempt: number;
}

export type DialReservation = { granted: true } | { granted: false; hold: DialHold };

export class AccountNotFoundError extends Error {
  constructor(accountId: string) {
    super(`No account ${accountId}`);
    this.name = 'AccountNotFoundError';
  }
}

const GRANTED: DialReservation = { granted: true };

/**
 * Each account's spend cap, kept in PostgreSQL so that it holds across every worker: a dial attempt
 * is reserved before it starts and released when it ends. The rolling windows count reservations by
 * when they were made, released or not; the calls in progress are the ones not released, within the
 * lease (DIAL_RESERVATION_LEASE_MS), after which a reservation nobody released stops holding a place.
 */
export class DialReservationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reserves the attempt's dial if the account has room, or answers why not. Reservations of one account
   * queue on the lock of its row, and each one, under READ COMMITTED, counts every reservation committed
   * before it got the lock, whichever process made it. The same attempt reserved again (a retried activity)
   * is granted again, without counting twice.
   */
  async reserve({ accountId, callId, attempt }: DialKey & { accountId: string }): Promise<DialReservation> {
    const key = { callId, attempt };
    return this.dataSource.transaction(async (manager) => {
      const limits = await lockLimits(manager, accountId);
      if (await isReserved(manager, key)) return GRANTED;
      await forgetOutOfWindow(manager, accountId);
      const hold = dialHold(limits, await usageOf(manager, accountId, limits, key));
      if (hold) return { granted: false, hold };
      await manager.query(
        `INSERT INTO dial_reservations (call_id, attempt, account_id) VALUES ($1, $2, $3)
         ON CONFLICT (call_id, attempt) DO UPDATE SET account_id = EXCLUDED.account_id, reserved_at = now(), released_at = NULL`,
        [callId, attempt, accountId],
      );
      return GRANTED;
    });
  }

  /**
   * Ends the attempt's reservation. A dial that was made keeps counting in the windows; one that never was
   * (the call was cancelled or moved once reserved) gives its room back whole. Repeating it changes nothing.
   */
  async release({ callId, attempt, dialled }: DialKey & { dialled: boolean }): Promise<void> {
    await this.dataSource.query(
      dialled
        ? `UPDATE dial_reservations SET released_at = now() WHERE call_id = $1 AND attempt = $2 AND released_at IS NULL`
        : `DELETE FROM dial_reservations WHERE call_id = $1 AND attempt = $2`,
      [callId, attempt],
    );
  }
}

/** FOR NO KEY UPDATE queues the account's reservations without blocking the inserts that reference the account. */
async function lockLimits(manager: EntityManager, accountId: string): Promise<DialLimits> {
  const [row] = await manager.query(
    `SELECT dials_per_hour, dials_per_day, max_concurrent_calls FROM accounts WHERE id = $1 FOR NO KEY UPDATE`,
    [accountId],
  );
  if (!row) throw new AccountNotFoundError(accountId);
  return { dialsPerHour: row.dials_per_hour, dialsPerDay: row.dials_per_day, maxConcurrentCalls: row.max_concurrent_calls };
}

async function isReserved(manager: EntityManager, { callId, attempt }: DialKey): Promise<boolean> {
  const rows = await manager.query(
    `SELECT 1 FROM dial_reservations WHERE call_id = $1 AND attempt = $2 AND released_at IS NULL`,
    [callId, attempt],
  );
  return rows.length > 0;
}

/** A reservation older than the longest window (and the lease) counts for nothing any more. */
async function forgetOutOfWindow(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query(`DELETE FROM dial_reservations WHERE account_id = $1 AND reserved_at <= now() - make_interval(secs => $2)`, [
    accountId,
    Math.max(DAY_MS, DIAL_RESERVATION_LEASE_MS) / 1000,
  ]);
}

/** The account's usage, leaving out the attempt's own earlier reservation (given back, now made again). */
async function usageOf(manager: EntityManager, accountId: string, limits: DialLimits, own: DialKey): Promise<DialUsage> {
  const [{ in_progress }] = await manager.query(
    `SELECT count(*)::int AS in_progress FROM dial_reservations
     WHERE account_id = $1 AND released_at IS NULL AND reserved_at > now() - make_interval(secs => $2)`,
    [accountId, DIAL_RESERVATION_LEASE_MS / 1000],
  );
  return {
    hourlyBlocker: await blocker(manager, accountId, limits.dialsPerHour, HOUR_MS, own),
    dailyBlocker: await blocker(manager, accountId, limits.dialsPerDay, DAY_MS, own),
    inProgress: in_progress,
  };
}

/** The window's `allowed`-th newest reservation: once it leaves the window, there is room for one more. */
async function blocker(manager: EntityManager, accountId: string, allowed: number, windowMs: number, own: DialKey): Promise<Date | null> {
  if (allowed === 0) return null;
  const [row] = await manager.query(
    `SELECT reserved_at FROM dial_reservations
     WHERE account_id = $1 AND reserved_at > now() - make_interval(secs => $2) AND NOT (call_id = $3 AND attempt = $4)
     ORDER BY reserved_at DESC OFFSET $5 LIMIT 1`,
    [accountId, windowMs / 1000, own.callId, own.attempt, allowed - 1],
  );
  return row ? row.reserved_at : null;
}
