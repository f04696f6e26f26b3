import type { Receipt } from '../provider-receipts';

/** Milliseconds each dial came after the instant it was due; negative for an early dial. */
export function latenesses(receipts: readonly Receipt[], dueAt: number): number[] {
  return receipts.map((receipt) => receipt.receivedAt - dueAt);
}

/** Dials the provider received before their call was due: never acceptable, whatever the system. */
export function earlyDials(receipts: readonly Receipt[], dueAt: number): Receipt[] {
  return receipts.filter((receipt) => receipt.receivedAt < dueAt);
}
