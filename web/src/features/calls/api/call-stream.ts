import { CALL_STREAM_EVENT, CALL_STREAM_HEARTBEAT_MS, CALL_STREAM_PATH, type CallDto } from '@call-scheduler/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { refreshOverviewSoon } from '../../campaign-overview/api/refresh-overview';
import { applyScheduledCallChange } from '../../schedules/api/schedules';
import { applyCallChange, refetchCalls } from './call-cache';

/** `connecting` until the first connection opens; `down` while the stream is lost and being retried. */
export type CallStreamStatus = 'connecting' | 'live' | 'down';

const RECONNECT_DELAY_MS = { first: 1_000, max: 10_000 };
/** Without even a heartbeat for this long, the connection is taken as dead and replaced. */
const SILENCE_LIMIT_MS = CALL_STREAM_HEARTBEAT_MS * 2 + 5_000;

/**
 * Keeps the cached calls in step with the API's live feed. Every (re)connection refetches what is
 * cached, since changes made while the stream was away were never pushed. `onDrop` hears of each
 * failed or lost connection: EventSource does not say why, and an ended session is one cause.
 */
export function useCallStream(onDrop?: () => void): CallStreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CallStreamStatus>('connecting');
  const dropped = useRef(onDrop);
  useEffect(() => {
    dropped.current = onDrop;
  });

  useEffect(() => {
    let source: EventSource | undefined;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let delay = RECONNECT_DELAY_MS.first;

    const heardFrom = () => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(reconnect, SILENCE_LIMIT_MS);
    };
    const reconnect = () => {
      source?.close();
      clearTimeout(silenceTimer);
      setStatus('down');
      reconnectTimer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, RECONNECT_DELAY_MS.max);
    };
    const connect = () => {
      source = new EventSource(CALL_STREAM_PATH);
      source.addEventListener('open', () => {
        delay = RECONNECT_DELAY_MS.first;
        setStatus('live');
        heardFrom();
        void refetchCalls(queryClient);
      });
      source.addEventListener(CALL_STREAM_EVENT.call, (event) => {
        heardFrom();
        const call = JSON.parse(event.data) as CallDto;
        applyCallChange(queryClient, call);
        applyScheduledCallChange(queryClient, call);
        refreshOverviewSoon(queryClient);
      });
      source.addEventListener(CALL_STREAM_EVENT.resync, () => {
        heardFrom();
        void refetchCalls(queryClient);
      });
      source.addEventListener(CALL_STREAM_EVENT.heartbeat, heardFrom);
      // EventSource gives up for good on some failures (a proxy's 502, a 401): retry on our own terms instead.
      source.addEventListener('error', () => {
        reconnect();
        dropped.current?.();
      });
    };

    connect();
    return () => {
      source?.close();
      clearTimeout(reconnectTimer);
      clearTimeout(silenceTimer);
    };
  }, [queryClient]);

  return status;
}
