import type { CallDto } from '@call-scheduler/shared';
import { useEffect, useState } from 'react';
import { fetchRecentCalls } from './calls-api';

export interface RecentCallsProps {
  limit?: number;
  refreshMs?: number;
}

interface RecentCallsState {
  /** null until the first answer; kept through later errors so the last known list stays on screen. */
  calls: CallDto[] | null;
  error: string | null;
}

const scheduledAtFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A read-only list of the latest calls, refreshed every few seconds. */
export function RecentCalls({ limit = 20, refreshMs = 5_000 }: RecentCallsProps) {
  const [state, setState] = useState<RecentCallsState>({ calls: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const load = async (): Promise<void> => {
      try {
        const page = await fetchRecentCalls(limit, controller.signal);
        if (!controller.signal.aborted) setState({ calls: page.items, error: null });
      } catch (error) {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((previous) => ({ calls: previous.calls, error: message }));
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void load(), refreshMs);
    };

    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [limit, refreshMs]);

  const { calls, error } = state;
  return (
    <section aria-labelledby="recent-calls-title">
      <h2 id="recent-calls-title">Latest calls</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {calls === null ? (
        !error && <p>Loading…</p>
      ) : calls.length === 0 ? (
        <p>No calls yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Phone number</th>
              <th scope="col">Status</th>
              <th scope="col">Scheduled</th>
              <th scope="col">Attempt</th>
              <th scope="col">External call id</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <CallRow key={call.id} call={call} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CallRow({ call }: { call: CallDto }) {
  return (
    <tr>
      <td className="mono">{call.phoneNumber}</td>
      <td>{call.status.replaceAll('_', ' ')}</td>
      <td>
        <time dateTime={call.scheduledAt}>{scheduledAtFormat.format(new Date(call.scheduledAt))}</time>
      </td>
      <td>{`${call.attempt}/${call.maxAttempts}`}</td>
      <td className="mono">{call.externalCallId ?? '—'}</td>
    </tr>
  );
}
