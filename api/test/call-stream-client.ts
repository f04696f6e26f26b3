import { CALL_STREAM_EVENT, CALL_STREAM_PATH, type CallDto } from '@call-scheduler/shared';
import { EventSource } from 'eventsource';
import { eventually } from './api-harness';

export type StreamEvent = { type: typeof CALL_STREAM_EVENT.call; data: CallDto } | { type: 'resync' | 'heartbeat'; data: unknown };

/**
 * A client of GET /api/calls/stream that behaves as a browser's EventSource does (it is one),
 * keeping every event it was sent, in order, and counting its connections and disconnections.
 */
export class CallStreamClient {
  readonly events: StreamEvent[] = [];
  opened = 0;
  dropped = 0;

  private constructor(private readonly source: EventSource) {
    for (const type of Object.values(CALL_STREAM_EVENT)) {
      source.addEventListener(type, (event) => this.events.push({ type, data: JSON.parse(event.data) } as StreamEvent));
    }
    source.addEventListener('open', () => this.opened++);
    source.addEventListener('error', () => this.dropped++);
  }

  /** Connects to the API at `baseUrl` with an API key; resolves once the stream is open, so what happens next is heard. */
  static async open(baseUrl: string, apiKey: string): Promise<CallStreamClient> {
    const source = new EventSource(new URL(CALL_STREAM_PATH, baseUrl), {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${apiKey}` } }),
    });
    const client = new CallStreamClient(source);
    await client.waitFor(() => (client.opened > 0 ? true : undefined));
    return client;
  }

  /** Every copy of the call the stream sent, in the order it sent them. */
  copiesOf(id: string): CallDto[] {
    return this.events.flatMap((event) => (event.type === CALL_STREAM_EVENT.call && event.data.id === id ? [event.data] : []));
  }

  /** Waits until `find` finds something in what was heard, and returns it; fails listing what was heard. */
  async waitFor<T>(find: (events: StreamEvent[]) => T | undefined, timeoutMs = 15_000): Promise<T> {
    const { found } = await eventually(
      async () => ({ found: find(this.events), heard: this.events.map(summary) }),
      ({ found }) => found !== undefined,
      timeoutMs,
    );
    return found!;
  }

  close(): void {
    this.source.close();
  }
}

function summary(event: StreamEvent): string {
  return event.type === CALL_STREAM_EVENT.call ? `call ${event.data.id} ${event.data.status} v${event.data.version}` : event.type;
}
