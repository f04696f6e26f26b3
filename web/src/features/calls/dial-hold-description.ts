import type { DialHold } from '@call-scheduler/shared';
import { formatDateTime } from '../../lib/date-time';

const LIMIT_LABELS: Record<DialHold['limit'], string> = {
  hourly: 'hourly dial limit',
  daily: 'daily dial limit',
  concurrent: 'limit on calls in progress',
};

/** Why a due call is waiting and until when: "200 dials in the last hour; next try 1 Dec 2026, 11:00". */
export function describeDialHold(hold: DialHold, timeZone: string): string {
  const until = hold.retryAt ? `next try ${formatDateTime(hold.retryAt, timeZone)}` : 'dials once a call in progress ends';
  return `${hold.reason}; ${until}`;
}

/** The hold as a timeline entry: "Held by the hourly dial limit: …". */
export function describeDialHoldEvent(hold: DialHold, timeZone: string): string {
  return `Held by the ${LIMIT_LABELS[hold.limit]}: ${describeDialHold(hold, timeZone)}`;
}
