import type { RequestHandler, Response } from 'express';

/** Waits `ms`; resolves false instead if the connection closes first (client gave up, or the server is closing). */
export function pause(res: Response, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

/** Holds the request for `ms`, then cuts the socket without a byte of response, as a provider that timed out would. */
export function dropAfter(res: Response, ms: number): void {
  const timer = setTimeout(() => res.socket?.destroy(), ms);
  res.once('close', () => clearTimeout(timer));
}

export function addLatency(latencyMs: () => number): RequestHandler {
  return async (_req, res, next) => {
    const ms = latencyMs();
    if (ms === 0 || (await pause(res, ms))) next();
  };
}

/**
 * Notes when the request arrived, before any parsing or injected latency: a call's `createdAt` is that moment.
 * It then lets the other requests already received be noted before this one is worked on, as a provider's
 * edge would: its own work on earlier requests does not make a later one look late.
 */
export function stampArrival(now: () => number): RequestHandler {
  return (_req, res, next) => {
    res.locals.arrivedAt = now();
    setImmediate(next);
  };
}
