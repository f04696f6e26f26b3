import { useEffect, useId, useRef } from 'react';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime, formatTimeOfDay } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';
import { useTimeZone } from '../../../lib/time-zone';
import { useCall } from '../api/get-call';
import { describeCallEvent } from '../call-event-description';
import { describeDialHold } from '../dial-hold-description';
import { describeCallingWindow, describeWindowWait } from '../window-description';
import { formatPhoneNumber } from '../phone-number-input';
import { CallActions } from './call-actions';
import { CallTime } from './call-time';
import { StatusBadge } from './status-badge';

/** One call: its state, what can still be done with it, and every event so far. */
export function CallDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const call = useCall(id);
  const timeZone = useTimeZone();
  const now = useNow();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [id]);

  return (
    <aside className="call-detail" aria-labelledby={titleId} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="detail-header">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {call.data ? `Call to ${formatPhoneNumber(call.data.phoneNumber)}` : 'Call'}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {call.isPending && <p>Loading…</p>}
      {call.isError && (
        <p role="alert" className="error">
          {call.error instanceof ApiError && call.error.status === 404 ? 'There is no such call.' : call.error.message}
        </p>
      )}
      {call.data && (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={call.data.status} />
            </dd>
            {call.data.dialHold && (
              <>
                <dt>Held</dt>
                <dd>{describeDialHold(call.data.dialHold, timeZone)}</dd>
              </>
            )}
            <dt>Scheduled</dt>
            <dd>
              <CallTime at={call.data.scheduledAt} now={now} />
            </dd>
            {call.data.window && (
              <>
                <dt>Calling window</dt>
                <dd>
                  {describeCallingWindow(call.data.window)}
                  {call.data.windowOpensAt && (
                    <>
                      {' '}· waits {describeWindowWait(call.data.windowOpensAt, call.data.window.timeZone)}, <CallTime at={call.data.windowOpensAt} now={now} />
                    </>
                  )}
                </dd>
              </>
            )}
            {call.data.latestAt && (
              <>
                <dt>Deadline</dt>
                <dd>
                  <CallTime at={call.data.latestAt} now={now} />
                </dd>
              </>
            )}
            <dt>Attempt</dt>
            <dd>
              {`${call.data.attempt}/${call.data.maxAttempts}`}
              {call.data.nextAttemptAt && (
                <>
                  {' '}· next <CallTime at={call.data.nextAttemptAt} now={now} />
                </>
              )}
            </dd>
            <dt>Provider call id</dt>
            <dd className="mono">{call.data.externalCallId ?? '—'}</dd>
            {call.data.lastError && (
              <>
                <dt>Last error</dt>
                <dd>{call.data.lastError}</dd>
              </>
            )}
            {call.data.note && (
              <>
                <dt>Note</dt>
                <dd>{call.data.note}</dd>
              </>
            )}
            <dt>Workflow</dt>
            <dd>
              <a href={call.data.temporalUiUrl} target="_blank" rel="noreferrer">
                Open in Temporal Web UI<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </dd>
          </dl>
          <CallActions call={call.data} />
          <h3>Timeline</h3>
          <ol className="timeline">
            {call.data.events.map((event) => (
              <li key={event.seq}>
                <time dateTime={event.occurredAt} title={formatDateTime(event.occurredAt, timeZone)}>
                  {formatTimeOfDay(event.occurredAt, timeZone)}
                </time>{' '}
                {describeCallEvent(event, timeZone)}
              </li>
            ))}
          </ol>
          {call.data.events.length === 0 && <p className="hint">No events recorded yet.</p>}
        </>
      )}
    </aside>
  );
}
