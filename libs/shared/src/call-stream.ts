/**
 * The live feed of call changes, as Server-Sent Events on `GET /api/calls/stream`.
 * Every API instance serves every change, whichever process wrote it.
 */
export const CALL_STREAM_PATH = '/api/calls/stream';

export const CALL_STREAM_EVENT = {
  /** A call was created or changed; `data` is its CallDto. Of two copies, the higher `version` wins. */
  call: 'call',
  /** Changes may have been missed (the server's database listener reconnected): refetch what is shown. */
  resync: 'resync',
  /** Sent when nothing else was, so proxies keep the connection open and clients can tell it is alive. */
  heartbeat: 'heartbeat',
} as const;

export const CALL_STREAM_HEARTBEAT_MS = 15_000;
