import type { CallOverviewDto } from '@call-scheduler/shared';
import { countOf } from '../../components/csv-import/count';

const CALLS = ['call', 'calls'] as const;
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A minute or an hour as the browser's clock shows it: "14:05" or "2:05 PM". */
export function formatClock(instant: string): string {
  return clockFormat.format(new Date(instant));
}

export function sumOf(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

/** The totals in one line: "120 calls; 35 dials in the last hour; 60 due in the next 24 hours; 4 calls waiting to be dialled". */
export function overviewTotals({ byStatus, dialsPerMinute, duePerHour, overdue }: CallOverviewDto): string {
  return [
    countOf(sumOf(Object.values(byStatus)), CALLS),
    `${countOf(sumOf(dialsPerMinute.map(({ dials }) => dials)), ['dial', 'dials'])} in the last hour`,
    `${sumOf(duePerHour.map(({ calls }) => calls)).toLocaleString()} due in the next 24 hours`,
    `${countOf(overdue, CALLS)} waiting to be dialled`,
  ].join('; ');
}
