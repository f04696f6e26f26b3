import type { RequestHandler } from 'express';

export type Log = (msg: string, fields?: Record<string, unknown>) => void;

/** One JSON line on stdout per entry, or nothing at all. */
export function createLog(enabled: boolean): Log {
  if (!enabled) return () => undefined;
  return (msg, fields) => {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg, ...fields })}\n`);
  };
}

/** Logs each request once, when its connection is done with it, with any misbehaviour or crash noted in `res.locals`. */
export function logRequests(log: Log): RequestHandler {
  return (req, res, next) => {
    const startedAt = performance.now();
    res.once('close', () => {
      log('request', {
        method: req.method,
        path: req.originalUrl,
        status: res.writableFinished ? res.statusCode : 'dropped',
        durationMs: Math.round(performance.now() - startedAt),
        ...definedOnly({ injected: res.locals.injected as unknown, error: res.locals.error as unknown }),
      });
    });
    next();
  };
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
