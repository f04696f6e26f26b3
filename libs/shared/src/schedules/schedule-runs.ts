import { CronExpressionParser } from 'cron-parser';
import { v5 as uuidv5 } from 'uuid';
import type { ScheduleTiming } from './schedule';

/** The namespace of the call ids of schedule runs (a UUID of our own, fixed forever). */
const SCHEDULED_CALL_NAMESPACE = '4b0f6f0e-8f3c-4b9a-9a57-2f8d0c6b1e21';

/**
 * The id of the call a schedule's run makes, from the run's workflow id (the schedule's id and the run's nominal
 * time): a run the engine fires twice makes the same call, which Temporal then starts only once.
 */
export function callIdForScheduledRun(runWorkflowId: string): string {
  return uuidv5(runWorkflowId, SCHEDULED_CALL_NAMESPACE);
}

/** What is wrong with a cron expression, or null: five fields, as Temporal reads them, that name some time. */
export function cronProblem(cron: string): string | null {
  if (cron.trim().split(/\s+/).length !== 5) return 'must have five fields: minute, hour, day of month, month, day of week';
  try {
    CronExpressionParser.parse(cron, { tz: 'UTC' }).next();
    return null;
  } catch (error) {
    return `is not a cron expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The next `count` run times after `from`, to preview a schedule before it is saved; Temporal's own answer is the schedule's. */
export function previewScheduleRuns(timing: ScheduleTiming, from: Date, count: number): string[] {
  const start = timing.startAt && Date.parse(timing.startAt) > from.getTime() ? new Date(timing.startAt) : from;
  const end = timing.endAt ? Date.parse(timing.endAt) : Infinity;
  const runs = timing.cron ? cronRuns(timing.cron, timing.timeZone, start, count) : intervalRuns(timing.intervalSeconds ?? 0, start, count);
  return runs.filter((at) => at <= end).map((at) => new Date(at).toISOString());
}

function cronRuns(cron: string, timeZone: string, from: Date, count: number): number[] {
  const expression = CronExpressionParser.parse(cron, { currentDate: from, tz: timeZone });
  return Array.from({ length: count }, () => expression.next().getTime());
}

/** Temporal counts intervals from the Unix epoch, so runs fall on multiples of the interval. */
function intervalRuns(intervalSeconds: number, from: Date, count: number): number[] {
  if (intervalSeconds <= 0) return [];
  const every = intervalSeconds * 1000;
  const first = Math.floor(from.getTime() / every) * every + every;
  return Array.from({ length: count }, (_, i) => first + i * every);
}
