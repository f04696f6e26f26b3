/** How long a receiver has to answer a callback before the delivery counts as failed. */
export const DELIVERY_TIMEOUT_MS = 5000;

export type DeliveryResult = { delivered: true } | { delivered: false; reason: string };

/**
 * POSTs one status callback, once: like Twilio by default, a failed delivery is never retried.
 * Failure is connection trouble, any non-2xx answer (redirects included) or no answer within
 * DELIVERY_TIMEOUT_MS. Never rejects. Aborting `controller` cancels the delivery (reset, close).
 */
export async function deliverStatusCallback(
  url: string,
  body: string,
  headers: Record<string, string>,
  controller: AbortController,
): Promise<DeliveryResult> {
  // The timeout aborts the delivery's own controller: AbortSignal.any() over a long-lived cancel signal
  // has leaked the combined signals in some Node releases (nodejs/node#55351).
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${DELIVERY_TIMEOUT_MS} ms`)), DELIVERY_TIMEOUT_MS);
  timer.unref();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: controller.signal,
    });
    // Frees the connection; what the receiver says does not matter.
    await res.body?.cancel();
    return res.ok ? { delivered: true } : { delivered: false, reason: `answered ${res.status}` };
  } catch (err) {
    return { delivered: false, reason: describeFailure(err, controller.signal) };
  } finally {
    clearTimeout(timer);
  }
}

/** fetch hides the useful part (ECONNREFUSED, the timeout) in `cause` or in the abort reason. */
function describeFailure(err: unknown, signal: AbortSignal): string {
  const reason: unknown = signal.aborted ? signal.reason : err;
  const cause = reason instanceof Error && reason.cause instanceof Error ? reason.cause : reason;
  return cause instanceof Error ? cause.message : String(cause);
}
