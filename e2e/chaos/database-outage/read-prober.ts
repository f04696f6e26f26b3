import { CALL_PAGE_LIMIT, type CallPageDto } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Problem } from '../crash-soak/findings';

const PROBE_EVERY_MS = 250;
const READ_TIMEOUT_MS = 10_000;

/** One read of the account's calls: when it was sent (Date.now()), what it was answered, and how long that took. */
export interface ProbeRead {
  at: number;
  status: number | 'network';
  tookMs: number;
}

/**
 * Reads the account's calls through the two APIs in turn, one read at a time, as a page left open would, until
 * stopped. It keeps what each read was answered, and every call whose version a read showed lower than an
 * earlier read had: a projection that moved backwards.
 */
export class ReadProber {
  readonly reads: ProbeRead[] = [];
  readonly movedBack: Problem[] = [];
  private readonly highest = new Map<string, number>();
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly apiUrls: readonly string[],
    private readonly apiKey: string,
    private readonly ours: (phoneNumber: string) => boolean,
  ) {}

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async run(): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      await this.read(this.apiUrls[i % this.apiUrls.length]!);
      await sleep(PROBE_EVERY_MS);
    }
  }

  private async read(apiUrl: string): Promise<void> {
    const at = Date.now();
    try {
      const response = await fetch(`${apiUrl}/api/calls?limit=${CALL_PAGE_LIMIT.max}`, {
        headers: { authorization: `Bearer ${this.apiKey}` },
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
      const body = (await response.json()) as CallPageDto;
      this.reads.push({ at, status: response.status, tookMs: Date.now() - at });
      if (response.ok) this.check(body);
    } catch {
      this.reads.push({ at, status: 'network', tookMs: Date.now() - at });
    }
  }

  private check({ items }: CallPageDto): void {
    for (const call of items.filter((item) => this.ours(item.phoneNumber))) {
      const before = this.highest.get(call.id) ?? 0;
      if (call.version < before) this.movedBack.push({ callId: call.id, why: `version ${call.version} read after ${before}` });
      this.highest.set(call.id, Math.max(before, call.version));
    }
  }
}
