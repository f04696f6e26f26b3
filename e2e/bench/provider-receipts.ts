import type { ProviderCallRecord } from '@call-scheduler/mock-provider';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 1_000;

/** When the provider received the first POST that dialled one number. */
export interface Receipt {
  phoneNumber: string;
  receivedAt: number;
}

/** What the mock provider itself recorded: each call's `createdAt` is its own clock when the first POST dialled it. */
export class ProviderReceipts {
  constructor(private readonly providerUrl: string) {}

  /** Forgets every call, so that a round's listing holds only its own (and ends the calls it was following). */
  async reset(): Promise<void> {
    const response = await fetch(`${this.providerUrl}/admin/reset`, { method: 'POST' });
    if (!response.ok) throw new Error(`the provider's reset answered ${response.status}`);
  }

  /** Waits until every number was dialled, or the deadline passed; the receipts so far. Polls seldom, to load the provider little. */
  async waitFor(phoneNumbers: readonly string[], deadline: number): Promise<Receipt[]> {
    const wanted = new Set(phoneNumbers);
    for (;;) {
      const receipts = (await this.calls()).filter((call) => wanted.has(call.to)).map((call) => ({ phoneNumber: call.to, receivedAt: Date.parse(call.createdAt) }));
      if (receipts.length >= wanted.size || Date.now() > deadline) return receipts;
      await sleep(POLL_MS);
    }
  }

  private async calls(): Promise<ProviderCallRecord[]> {
    const response = await fetch(`${this.providerUrl}/calls`);
    if (!response.ok) throw new Error(`the provider's listing answered ${response.status}`);
    return ((await response.json()) as { items: ProviderCallRecord[] }).items;
  }
}
