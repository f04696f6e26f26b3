/** Node's socket errors for a server that is down, restarting or out of reach. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** PostgreSQL's own: shutting down or starting up, or out of connections (class 08 is any connection failure). */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** A database an operator closed to connections (ALTER DATABASE … ALLOW_CONNECTIONS false), while it is worked on. */
const CLOSED_DATABASE = { code: '55000', message: /is not currently accepting connections/ };
/** What node-postgres says of a connection it lost or could not open in time (a socket error's code may be only in its message). */
const CLIENT_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH)\b/i;

/**
 * Whether an error says PostgreSQL could not be reached or is restarting, rather than that the query was
 * wrong: what is worth answering 503 (try again) instead of 500. Follows TypeORM's driverError and causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Read by shape, not instanceof: Node's own errors may come from another realm (a test runner's sandbox).
  for (let current = error, depth = 0; isErrorLike(current) && depth < 5; depth += 1) {
    const { code, message } = current;
    if (typeof code === 'string' && (SOCKET_ERRORS.has(code) || SERVER_STATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && CLIENT_MESSAGES.test(message)) return true;
    if (code === CLOSED_DATABASE.code && typeof message === 'string' && CLOSED_DATABASE.message.test(message)) return true;
    current = current.driverError ?? current.cause;
  }
  return false;
}

function isErrorLike(value: unknown): value is { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } {
  return typeof value === 'object' && value !== null;
}
