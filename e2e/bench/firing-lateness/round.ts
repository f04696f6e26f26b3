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
  const [round] = await runRounds([system], provider, count, warmUp, [wholeSecondAfter(leadMs)]);
  return round!;
}

/**
 * The systems' rounds in one window, to be quick: each schedules `count` calls in turn, the first first, and
 * they fall due in the reverse order, `gapMs` apart, the first system's last, so that no system fires while
 * another schedules, and the one whose calls are followed after their dial (the project) can come first
 * without its follow-up landing on the others' instants. The first instant is `leadMs` or a little more from now.
 */
export async function runSideBySide(
  systems: readonly FiringSystem[],
  provider: ProviderReceipts,
  count: number,
  leadMs: number,
  gapMs: number,
  warmUp: boolean,
): Promise<RoundResult[]> {
  const first = wholeSecondAfter(leadMs);
  return runRounds(systems, provider, count, warmUp, systems.map((_, index) => first + (systems.length - 1 - index) * gapMs));
}

async function runRounds(systems: readonly FiringSystem[], provider: ProviderReceipts, count: number, warmUp: boolean, dueAts: number[]): Promise<RoundResult[]> {
  await provider.reset();
  const scheduled = [];
  for (const [index, system] of systems.entries()) {
    const calls = benchCalls(system.areaCode, count);
    const dueAt = dueAts[index]!;
    const started = performance.now();
    await system.schedule(calls, new Date(dueAt));
    scheduled.push({ system, calls, dueAt, scheduleMs: Math.round(performance.now() - started), scheduledLate: Date.now() >= dueAt });
  }
  const receipts = await provider.waitFor(
    scheduled.flatMap(({ calls }) => calls.map((call) => call.phoneNumber)),
    Math.max(...dueAts) + GIVE_UP_AFTER_MS,
  );
  await sleep(SETTLE_MS);
  return scheduled.map(({ system, calls, dueAt, scheduleMs, scheduledLate }) => {
    const numbers = new Set(calls.map((call) => call.phoneNumber));
    const own = receipts.filter((receipt) => numbers.has(receipt.phoneNumber));
    return {
      system: system.name,
      calls: count,
      warmUp,
      dueAt: new Date(dueAt).toISOString(),
      scheduleMs,
      scheduledLate,
      latenessMs: latenesses(own, dueAt),
      early: earlyDials(own, dueAt),
      missing: count - own.length,
    };
  });
}

function wholeSecondAfter(leadMs: number): number {
  return Math.ceil((Date.now() + leadMs) / 1000) * 1000;
}

function benchCalls(areaCode: string, count: number): BenchCall[] {
  return benchNumbers(areaCode, count).map((phoneNumber) => ({ phoneNumber, idempotencyKey: randomUUID() }));
}
