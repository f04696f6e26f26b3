import type { ScheduleTiming } from '@call-scheduler/shared';

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const AT_TIME = /^(\d{1,2}) (\d{1,2}) \* \* (\*|mon-fri|mon|tue|wed|thu|fri|sat|sun)$/;

/** "Weekdays at 09:30 (America/Chicago)", "Every 2 hours"; a cron expression the form did not write is shown as written. */
export function describeScheduleTiming({ cron, intervalSeconds, timeZone }: Pick<ScheduleTiming, 'cron' | 'intervalSeconds' | 'timeZone'>): string {
  if (cron === null) return describeInterval(intervalSeconds ?? 0);
  const match = AT_TIME.exec(cron);
  if (!match) return `Cron ${cron} (${timeZone})`;
  const [, minute, hour, day] = match as unknown as [string, string, string, string];
  const at = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  const when = day === '*' ? 'Every day' : day === 'mon-fri' ? 'Weekdays' : `Every ${DAY_NAMES[day]}`;
  return `${when} at ${at} (${timeZone})`;
}

function describeInterval(seconds: number): string {
  const [unit, size] = seconds % 86_400 === 0 ? ['day', 86_400] : seconds % 3_600 === 0 ? ['hour', 3_600] : ['minute', 60];
  const count = Math.round(seconds / (size as number));
  return count === 1 ? `Every ${unit}` : `Every ${count} ${unit}s`;
}
