import { CALL_STREAM_EVENT } from '@call-scheduler/shared';
import type { MessageEvent } from '@nestjs/common';
import { connect, endWith, ignoreElements, interval, map, merge, startWith, switchMap, takeUntil, type Observable } from 'rxjs';

const HEARTBEAT: MessageEvent = { type: CALL_STREAM_EVENT.heartbeat, data: {} };

/**
 * The events, and a heartbeat each time they have been silent for `silenceMs`, so proxies keep
 * the connection open and the client can tell it is alive. Completes when the events do.
 */
export function withHeartbeat(events: Observable<MessageEvent>, silenceMs: number): Observable<MessageEvent> {
  return events.pipe(
    connect((shared) => {
      const ended = shared.pipe(ignoreElements(), endWith(true));
      const heartbeats = shared.pipe(
        startWith(null),
        switchMap(() => interval(silenceMs).pipe(map(() => HEARTBEAT))),
        takeUntil(ended),
      );
      return merge(shared, heartbeats);
    }),
  );
}
