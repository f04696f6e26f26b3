import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StatusCallbackBody } from '../src';

export interface ReceivedCallback {
  path: string;
  headers: IncomingHttpHeaders;
  /** The bytes as sent: what the signature covers. */
  raw: string;
  body: StatusCallbackBody;
  receivedAt: number;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  close(): Promise<void>;
}

/** Plays the scheduler's webhook endpoint: records every request in arrival order and answers each with `status`. */
export async function startCallbackReceiver(status = 204): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as StatusCallbackBody;
      received.push({ path: req.url ?? '', headers: req.headers, raw, body, receivedAt: Date.now() });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
