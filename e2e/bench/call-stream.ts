import { CALL_STREAM_EVENT, CALL_STREAM_PATH, type CallDto } from '@call-scheduler/shared';
import { EventSource } from 'eventsource';

const OPEN_TIMEOUT_MS = 15_000;

/** A copy of a call the stream sent, and when it arrived (this machine's clock, ms). */
export interface StreamedCopy {
  id: string;
  version: number;
  status: CallDto['status'];
  receivedAt: number;
}

/**
 * A client of GET /api/calls/stream as the web page is one (an EventSource), with an API key: it
 * notes when each copy of a call arrived, the moment its event is parsed.
 */
export class CallStream {
  private readonly copies: StreamedCopy[] = [];

  private constructor(private readonly source: EventSource) {
    source.addEventListener(CALL_STREAM_EVENT.call, (event) => {
      const receivedAt = Date.now();
      const { id, version, status } = JSON.parse(event.data) as CallDto;
      this.copies.push({ id, version, status, receivedAt });
    });
  }

  /** Resolves once the stream is open, so that every change from then on reaches it. */
  static async open(apiUrl: string, apiKey: string): Promise<CallStream> {
    const source = new EventSource(new URL(CALL_STREAM_PATH, apiUrl), {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${apiKey}` } }),
    });
    const stream = new CallStream(source);
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`the call stream did not open within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
      source.addEventListener('open', () => {
        clearTimeout(timeout);
        resolve();
      }, { once: true });
    }).catch((error: unknown) => {
      source.close();
      throw error;
    });
    return stream;
  }

  /** When the first copy of the call at `version` or later arrived; undefined while none has. */
  arrivalOf(id: string, version: number): number | undefined {
    return this.copies.find((copy) => copy.id === id && copy.version >= version)?.receivedAt;
  }

  /** Every copy of the call that arrived, in order. */
  copiesOf(id: string): StreamedCopy[] {
    return this.copies.filter((copy) => copy.id === id);
  }

  close(): void {
    this.source.close();
  }
}
