import type { RequestHandler } from 'express';
import { sendError } from './http-errors';

/** Demands `Authorization: Bearer <apiKey>` when a key is configured; lets everything through otherwise. */
export function requireApiKey(apiKey: string | undefined): RequestHandler {
  if (apiKey === undefined || apiKey === '') return (_req, _res, next) => next();
  const expected = `Bearer ${apiKey}`;
  return (req, res, next) => {
    if (req.get('authorization') === expected) return next();
    res.set('WWW-Authenticate', 'Bearer');
    sendError(res, 401, { error: 'unauthorized', message: 'Authorization: Bearer <api key> is missing or wrong' });
  };
}
