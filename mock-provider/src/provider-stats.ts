import type { RequestHandler } from 'express';
import type { CallbackCounts } from './status-callbacks';

/** What `GET /admin/stats` answers: totals since start-up or the last reset, so benchmarks can count the traffic. */
export interface ProviderStats {
  /** `POST /calls` requests received. */
  posts: number;
  /** `GET /calls/:id` requests received, for known calls or not. */
  lookups: number;
  callbacks: CallbackCounts;
}

export type RequestCounts = Pick<ProviderStats, 'posts' | 'lookups'>;

const LOOKUP_PATH = /^\/[^/]+\/?$/;

export function noRequests(): RequestCounts {
  return { posts: 0, lookups: 0 };
}

/**
 * Counts each `/calls` request on arrival, before authentication, validation, latency or injected faults:
 * what the client sent, whatever it was answered.
 */
export function countRequests(counts: () => RequestCounts): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'POST' && req.path === '/') counts().posts++;
    else if (req.method === 'GET' && LOOKUP_PATH.test(req.path)) counts().lookups++;
    next();
  };
}
