import type { CallStatus } from './call-status';

/** How many hours ahead the overview counts calls due, and how many minutes back it counts dials. */
export const CALL_OVERVIEW_SPAN = { dueHours: 24, dialMinutes: 60 } as const;

/** A campaign at a glance: what `GET /api/calls/overview` answers, for the account or one of its batches. */
export interface CallOverviewDto {
  /** Calls in each status now; every status is present. */
  byStatus: Record<CallStatus, number>;
  /** Dial attempts started in each of the last 60 minutes, oldest first; `minute` is its start. */
  dialsPerMinute: { minute: string; dials: number }[];
  /** Pending calls whose next dial falls in each of 24 hours from the current one on, soonest first; `hour` is its start. */
  duePerHour: { hour: string; calls: number }[];
  /** Pending calls already due: waiting for the spend cap or a worker. */
  overdue: number;
  at: string;
}
