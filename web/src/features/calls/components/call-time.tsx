import { formatDateTime, formatRelative } from '../../../lib/date-time';
import { useTimeZone } from '../../../lib/time-zone';

/** An instant in the operator's zone, with how far away it is: "25 Nov 2026, 10:00 · in 4 min." */
export function CallTime({ at, now }: { at: string; now: Date }) {
  const timeZone = useTimeZone();
  return (
    <time dateTime={at} className="call-time">
      <span>{formatDateTime(at, timeZone)}</span> <span className="relative">{formatRelative(at, now)}</span>
    </time>
  );
}

/** Only how far away an instant is ("in 4 min."), with the full time on hover. */
export function RelativeTime({ at, now }: { at: string; now: Date }) {
  const timeZone = useTimeZone();
  return (
    <time dateTime={at} title={formatDateTime(at, timeZone)}>
      {formatRelative(at, now)}
    </time>
  );
}
