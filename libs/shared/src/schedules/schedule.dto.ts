import type { CallStatus } from '../call-status';
import type { CallingWindow } from '../calling-window/calling-window';
import type { CallTemplate, ScheduleTiming } from './schedule';

/** A recurring call as the REST API serves it: its timing, the call each run makes, and the engine's view of it. */
export interface ScheduleDto extends ScheduleTiming, Omit<CallTemplate, 'by'> {
  id: string;
  paused: boolean;
  /** The next run times, as Temporal plans them; none while paused. */
  nextRunTimes: string[];
  /** The latest runs, newest first: when each was due, the call it made, and that call's status (null until it is written). */
  recentRuns: { scheduledAt: string; startedAt: string; callId: string; callStatus: CallStatus | null }[];
  createdAt: string;
  temporalUiUrl: string;
}

export interface CreateScheduleRequest {
  phoneNumber: string;
  timeZone: string;
  cron?: string;
  intervalSeconds?: number;
  startAt?: string;
  endAt?: string;
  note?: string | null;
  maxAttempts?: number;
  retryDelaySeconds?: number;
  window?: Partial<CallingWindow> | null;
  paused?: boolean;
}
