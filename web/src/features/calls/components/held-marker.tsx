import type { DialHold } from '@call-scheduler/shared';
import { useTimeZone } from '../../../lib/time-zone';
import { describeDialHold } from '../dial-hold-description';

/** A due call the spend cap holds back, in words on one line, with when it will try again on hover. */
export function HeldMarker({ hold }: { hold: DialHold }) {
  const timeZone = useTimeZone();
  return (
    <span className="held line" title={describeDialHold(hold, timeZone)}>
      <strong>Held:</strong> {hold.reason}
    </span>
  );
}
