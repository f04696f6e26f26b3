import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
}

/**
 * Why a status callback is not the provider's, or null when it is: signed with the shared secret over
 * `${timestamp}.${body}` (HMAC-SHA256, hex, `v1=`), compared in constant time, and sent within the tolerance
 * of this clock, so that a callback captured and sent again later is refused.
 */
export function signatureProblem({ timestamp, signature, body }: SignedRequest, secret: string, toleranceSeconds: number, nowMs: number): string | null {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return 'X-Provider-Timestamp is missing or not whole seconds';
  const sent = /^v1=([0-9a-f]{64})$/.exec(signature ?? '');
  if (!sent) return 'X-Provider-Signature is missing or not v1=<64 hex digits>';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(sent[1]!, 'hex'))) return 'X-Provider-Signature does not match the body';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return `X-Provider-Timestamp is more than ${toleranceSeconds} s from now: a replay, or a clock far off`;
  return null;
}
