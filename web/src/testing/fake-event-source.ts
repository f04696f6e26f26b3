/**
 * Stands in for the browser's EventSource (jsdom has none): a test opens, feeds and breaks the
 * connection the page made, as the API and the network would.
 */
export class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  closed = false;

  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('the page opened no event stream');
    return source;
  }

  open(): void {
    this.dispatchEvent(new Event('open'));
  }

  send(type: string, data: unknown): void {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }

  fail(): void {
    this.dispatchEvent(new Event('error'));
  }

  close(): void {
    this.closed = true;
  }
}

/** Installs FakeEventSource as the global EventSource around each test of the calling file. */
export function useFakeEventSource(): void {
  beforeEach(() => {
    FakeEventSource.instances = [];
    (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => {
    delete (globalThis as { EventSource?: unknown }).EventSource;
  });
}
