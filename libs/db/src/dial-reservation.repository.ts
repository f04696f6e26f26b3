import { DIAL_RESERVATION_LEASE_MS, type DialHold, type DialLimits } from '@call-scheduler/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { DAY_MS, HOUR_MS, dialHold, type DialUsage } from './dial-hold';

/** One dial attempt of one call. */
export interface DialKey {
  callId: string;
  attempt: number;
}

export type DialReservation = { granted: true } | { granted: false; hold: DialHold };

export type DialRequest = DialKey & { accountId: string };

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
  async reserve(request: DialRequest): Promise<DialReservation> {
    const [answer] = await this.reserveAll([request]);
    if (answer instanceof AccountNotFoundError) throw answer;
    return answer!;
  }

  /**
   * Reserves many attempts' dials, each answered as `reserve` would answer it had they come one after
   * another in this order (an account that does not exist answers its own requests with the error); an
   * account's share of them takes its lock once, in one transaction, so that a burst of dials costs
   * PostgreSQL a few statements, not a transaction a dial.
   */
  async reserveAll(requests: readonly DialRequest[]): Promise<(DialReservation | AccountNotFoundError)[]> {
    const answers: (DialReservation | AccountNotFoundError)[] = [];
    for (const [accountId, indexes] of byAccount(requests)) {
      const reserved = await this.reserveForAccount(accountId, indexes.map((i) => requests[i]!)).catch((error: unknown) => {
        if (error instanceof AccountNotFoundError) return indexes.map(() => error);
        throw error;
      });
      indexes.forEach((i, n) => (answers[i] = reserved[n]!));
    }
    return answers;
  }

  private reserveForAccount(accountId: string, keys: readonly DialKey[]): Promise<DialReservation[]> {
    return this.dataSource.transaction(async (manager) => {
      const limits = await lockLimits(manager, accountId);
      const granted = await alreadyReserved(manager, keys);
      await forgetOutOfWindow(manager, accountId);
      const room = await roomLeft(manager, accountId, limits, keys);
      const toInsert: DialKey[] = [];
      const answers: DialReservation[] = [];
      for (const key of keys) {
        if (granted.has(keyName(key))) {
          answers.push(GRANTED);
          continue;
        }
        // Plainly under every limit: granted on the counts. Near one, each is weighed exactly, as reserve() alone would.
        let hold: DialHold | null = null;
        if (room.dials > 0) room.dials--;
        else {
          await insertReservations(manager, accountId, toInsert.splice(0));
          hold = dialHold(limits, await usageOf(manager, accountId, limits, key));
        }
        if (hold) answers.push({ granted: false, hold });
        else {
          granted.add(keyName(key));
          toInsert.push(key);
          answers.push(GRANTED);
        }
      }
      await insertReservations(manager, accountId, toInsert);
      return answers;
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

function byAccount(requests: readonly DialRequest[]): Map<string, number[]> {
  const indexes = new Map<string, number[]>();
  requests.forEach((request, i) => {
    const ofAccount = indexes.get(request.accountId);
    if (ofAccount) ofAccount.push(i);
    else indexes.set(request.accountId, [i]);
  });
  return indexes;
}

function keyName({ callId, attempt }: DialKey): string {
  return `${callId}:${attempt}`;
}

/** The keys' reservations that hold a place already: a retried activity's, granted again without counting twice. */
async function alreadyReserved(manager: EntityManager, keys: readonly DialKey[]): Promise<Set<string>> {
  const rows: { call_id: string; attempt: number }[] = await manager.query(
    `SELECT call_id, attempt FROM dial_reservations
     WHERE (call_id, attempt) IN (SELECT * FROM unnest($1::uuid[], $2::int[])) AND released_at IS NULL`,
    [keys.map((key) => key.callId), keys.map((key) => key.attempt)],
  );
  return new Set(rows.map((row) => keyName({ callId: row.call_id, attempt: row.attempt })));
}

/**
 * How many more dials fit under every limit at once, counting neither the keys' own earlier reservations (a
 * dial given back and made again) nor anything they would add: 0 as soon as any limit is near.
 */
async function roomLeft(manager: EntityManager, accountId: string, limits: DialLimits, keys: readonly DialKey[]): Promise<{ dials: number }> {
  const [row] = await manager.query(
    `SELECT count(*) FILTER (WHERE released_at IS NULL AND reserved_at > now() - make_interval(secs => $2))::int AS in_progress,
            count(*) FILTER (WHERE reserved_at > now() - make_interval(secs => $3))::int AS last_hour,
            count(*) FILTER (WHERE reserved_at > now() - make_interval(secs => $4))::int AS last_day
     FROM dial_reservations
     WHERE account_id = $1 AND (call_id, attempt) NOT IN (SELECT * FROM unnest($5::uuid[], $6::int[]))`,
    [accountId, DIAL_RESERVATION_LEASE_MS / 1000, HOUR_MS / 1000, DAY_MS / 1000, keys.map((key) => key.callId), keys.map((key) => key.attempt)],
  );
  const dials = Math.min(limits.maxConcurrentCalls - row.in_progress, limits.dialsPerHour - row.last_hour, limits.dialsPerDay - row.last_day);
  return { dials: Math.max(0, dials) };
}

async function insertReservations(manager: EntityManager, accountId: string, keys: readonly DialKey[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    `INSERT INTO dial_reservations (call_id, attempt, account_id)
     SELECT call_id, attempt, $3 FROM unnest($1::uuid[], $2::int[]) AS keys (call_id, attempt)
     ON CONFLICT (call_id, attempt) DO UPDATE SET account_id = EXCLUDED.account_id, reserved_at = now(), released_at = NULL`,
    [keys.map((key) => key.callId), keys.map((key) => key.attempt), accountId],
  );
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
