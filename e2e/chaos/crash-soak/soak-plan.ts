import { benchNumbers } from '../../bench/bench-numbers';
import type { SoakSize } from '../chaos-options';

/** The soak's numbers: an area code no bench measurement dials. */
export const SOAK_AREA_CODE = '312';

export interface PlannedCall {
  index: number;
  phoneNumber: string;
  idempotencyKey: string;
  /** When its create is sent, from the start of the soak. */
  sendAtMs: number;
  /** How long after its create is sent it is due. */
  aheadMs: number;
  /** The API its create goes to first: the two in turn. */
  api: number;
}

/** A fault that happens once, at its time: an API killed in the middle of a create, or Temporal or PostgreSQL killed. */
export type OneOffFault = { kind: 'api'; api: number; atMs: number } | { kind: 'temporal' | 'postgres'; atMs: number };

export interface SoakPlan {
  calls: PlannedCall[];
  oneOffFaults: OneOffFault[];
  /** When the first and the last call are due, if their creates are sent on time. */
  due: { fromMs: number; untilMs: number };
  /** When workers are killed: from just before the first call is due until the last one is. */
  workerChaos: { fromMs: number; untilMs: number };
}

/**
 * Creates at an even pace over the window, each due `aheadMs` (plus jitter) after it is sent, so that calls
 * fall due all through the faults. The one-off faults are spread evenly over the window, one at a time, so each
 * one's effect on lateness can be told apart: an API first (while creates are many), then Temporal, PostgreSQL,
 * and the other API.
 */
export function soakPlan(size: SoakSize, runId: string, random: () => number = Math.random): SoakPlan {
  const calls = plannedCalls(size, { runId, areaCode: SOAK_AREA_CODE }, random);
  const kinds = oneOffKinds(size.apiKills);
  const oneOffFaults = kinds.map((kind, slot): OneOffFault => {
    const atMs = Math.round(((slot + 1) * size.createWindowMs) / (kinds.length + 1));
    return kind === 'api' ? { kind, api: apiKillsBefore(kinds, slot) % 2, atMs } : { kind, atMs };
  });
  const firstDueMs = Math.min(...calls.map((call) => call.sendAtMs + call.aheadMs));
  const lastDueMs = Math.max(...calls.map((call) => call.sendAtMs + call.aheadMs));
  return { calls, oneOffFaults, due: { fromMs: firstDueMs, untilMs: lastDueMs }, workerChaos: { fromMs: firstDueMs - 5_000, untilMs: lastDueMs } };
}

/** How many calls a scenario creates, over how long, and how far ahead of their time. */
export type CallPlanSize = Pick<SoakSize, 'calls' | 'createWindowMs' | 'aheadMs' | 'aheadJitterMs'>;

/**
 * Creates at an even pace over the window, through the two APIs in turn, each due `aheadMs` (plus jitter)
 * after it is sent, under a key of the run's own and a number of the scenario's area code.
 */
export function plannedCalls(size: CallPlanSize, { runId, areaCode }: { runId: string; areaCode: string }, random: () => number = Math.random): PlannedCall[] {
  return benchNumbers(areaCode, size.calls).map((phoneNumber, index) => ({
    index,
    phoneNumber,
    idempotencyKey: `chaos-${runId}-${index}`,
    sendAtMs: Math.round((index * size.createWindowMs) / size.calls),
    aheadMs: size.aheadMs + Math.round(random() * size.aheadJitterMs),
    api: index % 2,
  }));
}

/** The first API kill, then Temporal, then PostgreSQL, then the other API kills. */
function oneOffKinds(apiKills: number): OneOffFault['kind'][] {
  return [...(apiKills > 0 ? ['api' as const] : []), 'temporal', 'postgres', ...Array.from({ length: Math.max(0, apiKills - 1) }, () => 'api' as const)];
}

function apiKillsBefore(kinds: readonly OneOffFault['kind'][], slot: number): number {
  return kinds.slice(0, slot).filter((kind) => kind === 'api').length;
}
