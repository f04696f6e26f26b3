import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** The request body could not be taken: not JSON, malformed, or too large. */
export class RequestBodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Deeper than any request body the API reads (they are flat objects), and shallow enough for the
 * recursive walks that come after parsing (class-transformer's) to never run out of stack.
 */
const MAX_BODY_DEPTH = 32;

/**
 * Parses JSON bodies and turns every way a body can be unacceptable into a RequestBodyError,
 * so the exception filter answers it in the API's error shape, naming the body.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = json({ limit, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    if (hasBody(req) && !req.is('application/json')) {
      next(new RequestBodyError(415, 'The request body must be JSON (Content-Type: application/json)'));
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (error) next(toRequestBodyError(error));
      else if (Array.isArray(req.body)) next(new RequestBodyError(400, 'The request body must be a JSON object'));
      else if (nestedDeeperThan(req.body, MAX_BODY_DEPTH)) next(new RequestBodyError(400, `The request body is nested more than ${MAX_BODY_DEPTH} levels deep`));
      else next();
    });
  };
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function nestedDeeperThan(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return depth === 0 || Object.values(value).some((child) => nestedDeeperThan(child, depth - 1));
}

function toRequestBodyError(error: unknown): RequestBodyError {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return new RequestBodyError(413, 'The request body is too large');
  if (type === 'entity.parse.failed') return new RequestBodyError(400, 'The request body is not valid JSON');
  const status = (error as { status?: number }).status;
  return new RequestBodyError(status && status >= 400 && status < 500 ? status : 400, 'The request body could not be read');
}
