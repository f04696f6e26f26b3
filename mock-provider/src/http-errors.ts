import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
}

export function sendError(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json(body);
}

/** `503` -> `service_unavailable`, so injected errors look like the provider's own. */
export function errorCodeFor(status: number): string {
  return (STATUS_CODES[status] ?? `http_${status}`).toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, { error: 'not_found', message: `No route for ${req.method} ${req.path}` });
};

/** Last handler: whatever went wrong, the client gets JSON, never express's HTML page. */
export const jsonErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status = clientErrorStatus(err);
  if (status === undefined) {
    res.locals.error = err instanceof Error ? err.stack : String(err);
    sendError(res, 500, { error: 'internal_error', message: 'Unexpected error in the mock provider' });
    return;
  }
  if (isBodyParseError(err)) {
    sendError(res, 400, { error: 'invalid_json', message: 'Request body is not valid JSON' });
    return;
  }
  sendError(res, status, { error: errorCodeFor(status), message: (err as Error).message });
};

/** The status body-parser (and http-errors) attach to client mistakes such as malformed JSON or a body over the limit. */
function clientErrorStatus(err: unknown): number | undefined {
  const status = typeof err === 'object' && err !== null && 'status' in err ? err.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function isBodyParseError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.parse.failed';
}
