import type { ApiErrorDto } from '@call-scheduler/shared';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

interface Refusal {
  status: number;
  field: string;
  message: string;
}

/** What Node's HTTP parser refuses, by its error code, and the part of the request at fault. */
const REFUSALS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: { status: 431, field: 'headers', message: 'The request headers are too large' },
  HPE_INVALID_HEADER_TOKEN: { status: 400, field: 'headers', message: 'The request headers hold a character HTTP does not allow' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, field: 'body', message: 'The request body\'s chunk extensions are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, field: 'request', message: 'The request did not arrive in time' },
};

const UNREADABLE: Refusal = { status: 400, field: 'request', message: 'The request is not valid HTTP' };

/** Node's own ServerResponse on the socket, while one is being written (Node checks the same before answering). */
type HttpSocket = Duplex & { _httpMessage?: { headersSent: boolean } | null };

/**
 * A request Node's HTTP parser refuses (headers too large, a control character in a header) never
 * reaches Nest, and Node's own answer has no body: answer it in the API's error shape instead.
 */
export function answerUnreadableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: HttpSocket) => {
    // A response already under way on this socket would be corrupted by a second one.
    if (!socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    // Closed for good once the answer is out, as Node does: the client may still be sending.
    socket.end(rawResponse(REFUSALS[error.code ?? ''] ?? UNREADABLE), () => socket.destroy());
  });
}

function rawResponse({ status, field, message }: Refusal): string {
  const body: ApiErrorDto = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, errors: [{ field, message }] };
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}
