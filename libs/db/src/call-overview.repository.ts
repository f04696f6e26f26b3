import { CALL_OVERVIEW_SPAN, CALL_STATUSES, type CallOverviewDto, type CallStatus } from '@call-scheduler/shared';
import type { DataSource } from 'typeorm';

/** When a pending call's next dial is due: its window's opening, its retry, or its scheduled time. */
const NEXT_DIAL = `coalesce(c.window_opens_at, CASE WHEN c.status = 'scheduled' THEN c.scheduled_at ELSE c.next_attempt_at END)`;
const PENDING = `(c.status = 'scheduled' OR (c.status IN ('no_answer', 'busy') AND c.next_attempt_at IS NOT NULL))`;
/** The account's calls, or one of its batches' ($2 null: all). */
const IN_SCOPE = `c.account_id = $1 AND ($2::uuid IS NULL OR c.batch_id = $2)`;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A campaign at a glance, counted in PostgreSQL from the projections: for an account, or one of its batches. */
export class CallOverviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  async overview(accountId: string, batchId: string | null, now: Date): Promise<CallOverviewDto> {
    // Due calls are counted up to the end of the last hour shown, dials from the start of the first minute shown.
    const dueUntil = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + CALL_OVERVIEW_SPAN.dueHours * HOUR_MS);
    const dialsFrom = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS - (CALL_OVERVIEW_SPAN.dialMinutes - 1) * MINUTE_MS);
    const params = [accountId, batchId, now.toISOString()];
    const [statuses, dials, due, [overdue]]: [{ status: CallStatus; calls: number }[], Bucket[], Bucket[], { calls: number }[]] = await Promise.all([
      this.dataSource.query(`SELECT status, count(*)::int AS calls FROM calls c WHERE ${IN_SCOPE} GROUP BY status`, params.slice(0, 2)),
      this.dataSource.query(
        `SELECT ${bucketOf('e.occurred_at', MINUTE_MS)}, count(*)::int AS count
         FROM call_events e JOIN calls c ON c.id = e.call_id
         WHERE e.type = 'DialAttemptStarted' AND e.occurred_at >= $3::timestamptz AND ${IN_SCOPE}
         GROUP BY 1`,
        [accountId, batchId, dialsFrom.toISOString()],
      ),
      this.dataSource.query(
        `SELECT ${bucketOf(NEXT_DIAL, HOUR_MS)}, count(*)::int AS count FROM calls c
         WHERE ${IN_SCOPE} AND ${PENDING} AND ${NEXT_DIAL} >= $3::timestamptz AND ${NEXT_DIAL} < $4::timestamptz
         GROUP BY 1`,
        [...params, dueUntil.toISOString()],
      ),
      this.dataSource.query(`SELECT count(*)::int AS calls FROM calls c WHERE ${IN_SCOPE} AND ${PENDING} AND ${NEXT_DIAL} < $3::timestamptz`, params),
    ]);
    return {
      byStatus: Object.fromEntries(CALL_STATUSES.map((status) => [status, statuses.find((row) => row.status === status)?.calls ?? 0])) as Record<CallStatus, number>,
      dialsPerMinute: series(now, MINUTE_MS, CALL_OVERVIEW_SPAN.dialMinutes, 'back', dials).map(([minute, count]) => ({ minute, dials: count })),
      duePerHour: series(now, HOUR_MS, CALL_OVERVIEW_SPAN.dueHours, 'ahead', due).map(([hour, count]) => ({ hour, calls: count })),
      overdue: overdue!.calls,
      at: now.toISOString(),
    };
  }
}

interface Bucket {
  /** The bucket's start, in epoch milliseconds: the same whatever the session's time zone. */
  start: string;
  count: number;
}

function bucketOf(instant: string, sizeMs: number): string {
  return `(floor(extract(epoch FROM ${instant}) * 1000 / ${sizeMs}) * ${sizeMs})::bigint AS start`;
}

/** Every bucket of the span, empty ones at 0: `count` buckets ending with the current one, or starting with it. */
function series(now: Date, sizeMs: number, count: number, direction: 'back' | 'ahead', buckets: Bucket[]): [string, number][] {
  const current = Math.floor(now.getTime() / sizeMs) * sizeMs;
  const counts = new Map(buckets.map((bucket) => [Number(bucket.start), bucket.count]));
  return Array.from({ length: count }, (_, i) => {
    const start = direction === 'back' ? current - (count - 1 - i) * sizeMs : current + i * sizeMs;
    return [new Date(start).toISOString(), counts.get(start) ?? 0];
  });
}
