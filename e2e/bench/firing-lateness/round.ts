import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchNumbers } from '../bench-numbers';
import type { ProviderReceipts, Receipt } from '../provider-receipts';
import { earlyDials, latenesses } from './lateness';
import type { BenchCall, FiringSystem } from './systems/firing-system';

/** How long after the due instant a round waits for the last dial before it counts the rest as missing. */
const GIVE_UP_AFTER_MS = 120_000;
/** After the last dial, time for the project's calls to end (the provider's call takes 0.8 s) before the provider forgets them. */
const SETTLE_MS = 3_000;

export interface RoundResult {
  system: string;
  calls: number;
  warmUp: boolean;
  dueAt: string;
  /** How long scheduling every call took; if it ended after the due instant, the round measured scheduling, not firing. */
  scheduleMs: number;
  scheduledLate: boolean;
  latenessMs: number[];
  early: Receipt[];
  missing: number;
}

/** `count` calls due at the same whole second, `leadMs` or a little more from now; lateness as the provider saw it. */
export async function runRound(system: FiringSystem, provider: ProviderReceipts, count: number, leadMs: number, warmUp: boolean): Promise<RoundResult> {
  await provider.reset();
  const calls = benchCalls(system.areaCode, count);
  const dueAt = Math.ceil((Date.now() + leadMs) / 1000) * 1000;
  const started = performance.now();
  await system.schedule(calls, new Date(dueAt));
  const scheduleMs = performance.now() - started;
  const scheduledLate = Date.now() >= dueAt;
  const receipts = await provider.waitFor(
    calls.map((call) => call.phoneNumber),
    dueAt + GIVE_UP_AFTER_MS,
  );
  await sleep(SETTLE_MS);
  return {
    system: system.name,
    calls: count,
    warmUp,
    dueAt: new Date(dueAt).toISOString(),
    scheduleMs: Math.round(scheduleMs),
    scheduledLate,
    latenessMs: latenesses(receipts, dueAt),
    early: earlyDials(receipts, dueAt),
    missing: count - receipts.length,
  };
}

function benchCalls(areaCode: string, count: number): BenchCall[] {
  return benchNumbers(areaCode, count).map((phoneNumber) => ({ phoneNumber, idempotencyKey: randomUUID() }));
}
