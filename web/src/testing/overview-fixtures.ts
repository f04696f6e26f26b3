import { CALL_STATUSES, type CallOverviewDto, type CallStatus } from '@call-scheduler/shared';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** An overview at 10:00 UTC on 1 Dec 2026, every count 0 unless given. */
export function makeOverview({ byStatus = {}, dials = [], due = [], overdue = 0 }: {
  byStatus?: Partial<Record<CallStatus, number>>;
  /** Dials in the last minutes, the latest last. */
  dials?: number[];
  /** Calls due in the next hours, the soonest first. */
  due?: number[];
  overdue?: number;
} = {}): CallOverviewDto {
  const at = Date.UTC(2026, 11, 1, 10);
  return {
    byStatus: Object.fromEntries(CALL_STATUSES.map((status) => [status, byStatus[status] ?? 0])) as Record<CallStatus, number>,
    dialsPerMinute: Array.from({ length: 60 }, (_, index) => ({
      minute: new Date(at - (60 - index) * MINUTE_MS).toISOString(),
      dials: dials[index - (60 - dials.length)] ?? 0,
    })),
    duePerHour: Array.from({ length: 24 }, (_, index) => ({ hour: new Date(at + index * HOUR_MS).toISOString(), calls: due[index] ?? 0 })),
    overdue,
    at: new Date(at).toISOString(),
  };
}
