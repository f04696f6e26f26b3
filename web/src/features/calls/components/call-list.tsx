import type { CallDto } from '@call-scheduler/shared';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { useDocumentOffset } from '../../../lib/use-document-offset';
import { useNow } from '../../../lib/use-now';
import { useCalls } from '../api/get-calls';
import type { CallFilters } from '../call-filters';
import { CALL_STATUS_LABELS } from '../call-status-labels';
import { formatPhoneNumber } from '../phone-number-input';
import { callHref } from '../selected-call';
import type { CallFilterState } from '../use-call-filters';
import { CallFilterBar } from './call-filter-bar';
import { CallTime, RelativeTime } from './call-time';
import { HeldMarker } from './held-marker';
import { StatusBadge } from './status-badge';
import { WindowMarker } from './window-marker';

export interface CallListProps {
  selectedId: string | null;
  filters: CallFilterState;
}

/** Every call the filters select, newest first, loaded a page at a time as the operator scrolls. */
export function CallList({ selectedId, filters }: CallListProps) {
  const calls = useCalls(filters.applied);
  const now = useNow();
  const id = useId();
  const items = useMemo(() => calls.data?.pages.flatMap((page) => page.items) ?? [], [calls.data]);

  return (
    <section className="call-list" aria-labelledby={`${id}-title`}>
      <div className="list-header">
        <h2 id={`${id}-title`}>Calls</h2>
        <CallFilterBar filters={filters} />
      </div>
      {calls.isError && (
        <p role="alert" className="error">
          Could not load calls: {calls.error.message}
        </p>
      )}
      {calls.isPending ? (
        <p>Loading calls…</p>
      ) : items.length === 0 ? (
        <p>{emptyListText(filters.applied)}</p>
      ) : (
        <>
          <div className="call-row call-row-header" aria-hidden="true">
            <span>Status</span>
            <span>Number</span>
            <span>Scheduled</span>
            <span>Attempt</span>
            <span>Provider call id</span>
          </div>
          <VirtualCallRows items={items} complete={!calls.hasNextPage} now={now} selectedId={selectedId} labelledBy={`${id}-title`} />
        </>
      )}
      {calls.hasNextPage && (
        <LoadMore loading={calls.isFetchingNextPage} onLoad={() => void calls.fetchNextPage()} />
      )}
    </section>
  );
}

function emptyListText({ status, batchId, search }: CallFilters): string {
  if (batchId || search) return 'No calls match these filters.';
  return status ? `No ${CALL_STATUS_LABELS[status].toLowerCase()} calls.` : 'No calls yet: schedule one above.';
}

interface VirtualCallRowsProps {
  items: CallDto[];
  /** Every call is loaded: the list knows its length. */
  complete: boolean;
  now: Date;
  selectedId: string | null;
  labelledBy: string;
}

/**
 * Only the rows on screen (and a few either side) are in the page, so ten thousand loaded calls
 * cost what thirty do: to render, to update live and to tick the relative times.
 */
function VirtualCallRows({ items, complete, now, selectedId, labelledBy }: VirtualCallRowsProps) {
  const list = useRef<HTMLUListElement>(null);
  const scrollMargin = useDocumentOffset(list);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_HEIGHT_ESTIMATE_PX,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => items[index]!.id,
  });

  return (
    <ul ref={list} className="calls" aria-labelledby={labelledBy} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => (
        <CallRow
          key={row.key}
          call={items[row.index]!}
          now={now}
          selected={items[row.index]!.id === selectedId}
          index={row.index}
          setSize={complete ? items.length : -1}
          top={row.start - scrollMargin}
          measure={virtualizer.measureElement}
        />
      ))}
    </ul>
  );
}

const ROW_HEIGHT_ESTIMATE_PX = 53;

interface CallRowProps {
  call: CallDto;
  now: Date;
  selected: boolean;
  index: number;
  setSize: number;
  top: number;
  measure: (element: HTMLElement | null) => void;
}

const CallRow = memo(function CallRow({ call, now, selected, index, setSize, top, measure }: CallRowProps) {
  return (
    <li
      ref={measure}
      data-index={index}
      className="call-row"
      aria-current={selected ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span className="cell">
        <span className="cell-label">Status </span>
        <StatusBadge status={call.status} />
        {call.dialHold && <HeldMarker hold={call.dialHold} />}
        <WindowMarker call={call} />
      </span>
      <span className="cell">
        <span className="cell-label">Number </span>
        <a href={callHref(call.id)} className="mono line">
          {formatPhoneNumber(call.phoneNumber)}
        </a>
        {call.note && <span className="note line"> {call.note}</span>}
      </span>
      <span className="cell">
        <span className="cell-label">Scheduled </span>
        <CallTime at={call.scheduledAt} now={now} />
      </span>
      <span className="cell">
        <span className="cell-label">Attempt </span>
        <span className="line">{`${call.attempt}/${call.maxAttempts}`}</span>
        {call.nextAttemptAt && (
          <span className="next-attempt line">
            next <RelativeTime at={call.nextAttemptAt} now={now} />
          </span>
        )}
      </span>
      <span className="cell">
        <span className="cell-label">Provider call id </span>
        <span className="mono line" title={call.externalCallId ?? undefined}>
          {call.externalCallId ?? '—'}
        </span>
      </span>
    </li>
  );
});

/** Loads the next page when it scrolls into view, or when pressed. */
function LoadMore({ loading, onLoad }: { loading: boolean; onLoad: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const load = useRef(onLoad);
  useEffect(() => {
    load.current = onLoad;
  });

  // Observed afresh after each page, so a button still in view after loading loads the next one too.
  useEffect(() => {
    const element = button.current;
    if (loading || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load.current();
    }, { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [loading]);

  return (
    <button ref={button} type="button" className="secondary load-more" onClick={onLoad} disabled={loading}>
      {loading ? 'Loading…' : 'Load older calls'}
    </button>
  );
}
