import type { Receipt } from './provider-receipts';

/** Milliseconds from each start-now's send to the provider's receipt of its dial; the numbers never dialled. */
export function startNowToDial(sent: readonly { phoneNumber: string; sentAt: number }[], receipts: readonly Receipt[]): { delaysMs: number[]; neverDialled: string[] } {
  const receivedAt = new Map(receipts.map((receipt) => [receipt.phoneNumber, receipt.receivedAt]));
  const delaysMs: number[] = [];
  const neverDialled: string[] = [];
  for (const { phoneNumber, sentAt } of sent) {
    const received = receivedAt.get(phoneNumber);
    if (received === undefined) neverDialled.push(phoneNumber);
    else delaysMs.push(received - sentAt);
  }
  return { delaysMs, neverDialled };
}
