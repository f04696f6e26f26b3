import { CALL_PAGE_LIMIT, isTerminal, type CallDetailDto, type CallDto, type CallPageDto } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';

const SETTLE_POLL_MS = 2_000;

/** The run's account as its operator key reads it over the REST API. */
export class AccountCalls {
  constructor(
    private readonly apiUrl: string,
    private readonly apiKey: string,
  ) {}

  /** Every call of the account, page by page. */
  async all(): Promise<CallDto[]> {
    const calls: CallDto[] = [];
    let cursor: string | null = null;
    do {
      const page: CallPageDto = await this.get(`/api/calls?limit=${CALL_PAGE_LIMIT.max}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      calls.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return calls;
  }

  /** Waits until every call named has ended, or the deadline (Date.now()) has passed; the account's calls then. */
  async settled(ids: readonly string[], deadline: number): Promise<CallDto[]> {
    for (;;) {
      const calls = await this.all();
      const ended = new Set(calls.filter(isTerminal).map((call) => call.id));
      if (ids.every((id) => ended.has(id)) || Date.now() > deadline) return calls;
      await sleep(SETTLE_POLL_MS);
    }
  }

  /** The call with its timeline; null if the API does not know it. */
  async detail(id: string): Promise<CallDetailDto | null> {
    const response = await fetch(`${this.apiUrl}/api/calls/${id}`, { headers: this.headers() });
    if (response.status === 404) return null;
    return this.body(response);
  }

  private async get<T>(path: string): Promise<T> {
    return this.body(await fetch(`${this.apiUrl}${path}`, { headers: this.headers() }));
  }

  private async body<T>(response: Response): Promise<T> {
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.apiKey}` };
  }
}
