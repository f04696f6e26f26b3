import { createHmac } from 'node:crypto';

export type StatusCallbackSignatureHeaders = {
  /** Unix seconds when the callback was sent. */
  'X-Provider-Timestamp': string;
  /** `v1=` and the lowercase hex HMAC-SHA256 of `${timestamp}.${body}` keyed with the shared secret. */
  'X-Provider-Signature': string;
};

/**
 * The headers the provider signs a status callback with. Exported so tests of a receiver can forge,
 * replay or tamper with callbacks exactly as the provider would send them.
 * `body` must be the raw bytes sent: the signature covers them, not a re-serialised object.
 */
export function signStatusCallback(secret: string, body: string, nowMs: number): StatusCallbackSignatureHeaders {
  const timestamp = String(Math.floor(nowMs / 1000));
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'X-Provider-Timestamp': timestamp, 'X-Provider-Signature': `v1=${digest}` };
}
