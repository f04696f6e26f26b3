import type { CallDto } from '@call-scheduler/shared';
import { formatDateTime } from '../../../lib/date-time';
import { useTimeZone } from '../../../lib/time-zone';
import { describeWindowWait } from '../window-description';

/** A call that waits for its calling window to open: when, on the callee's clock, with the viewer's time on hover. */
export function WindowMarker({ call }: { call: Pick<CallDto, 'window' | 'windowOpensAt'> }) {
  const timeZone = useTimeZone();
  if (!call.window || !call.windowOpensAt) return null;
  return (
    <span className="held line" title={`Rings at ${formatDateTime(call.windowOpensAt, timeZone)}, your time`}>
      <strong>Waits</strong> {describeWindowWait(call.windowOpensAt, call.window.timeZone)}
    </span>
  );
}
