import { summarize, type Summary } from '../../bench/percentiles';
import { seconds } from '../figures';
import type { Fault } from './fault-log';
import type { Dial } from './findings';
import type { WorkflowDelay } from './workflow-delays';

/** Calls due this long after a process came back are still counted as due around its fault. */
const AFTERMATH_MS = 20_000;
/** A fault this long before a call was due may still have held it up: a worker holds a dial from 90 s ahead. */
const REACH_MS = 15_000;
const LATEST_SHOWN = 10;

/** How late the calls due while a process was down, or just after, reached the provider. */
export interface FaultAftermath {
  fault: string;
  /** From the start of the soak. */
  killedAtMs: number;
  backAtMs: number;
  lateness: Summary | null;
}

/** A late dial, and what happened from a little before it was due until it was dialled. */
export interface LateDial {
  callId: string;
  dueAtMs: number;
  latenessMs: number;
  /** The faults and its workflow's timeouts, in order, each at its time from the call's due instant: `-0.4 s worker-2 killed`. */
  meanwhile: string[];
}

/**
 * For each fault but a worker's (they come every few seconds, so every call is near one), the calls due from its
 * kill until AFTERMATH_MS after it came back, unless a later such fault had come by then: each call is counted once.
 */
export function latenessByFault(dials: readonly Dial[], faults: readonly Fault[], startedAt: number): FaultAftermath[] {
  const oneOffs = faults.filter((fault) => fault.kind !== 'worker').sort((a, b) => a.killedAtMs - b.killedAtMs);
  return oneOffs.map((fault) => {
    const around = dials
      .filter((dial) => latestOneOffBefore(dial.dueAt - startedAt, oneOffs) === fault)
      .map((dial) => dial.latenessMs);
    return { fault: fault.target, killedAtMs: fault.killedAtMs, backAtMs: fault.backAtMs, lateness: around.length > 0 ? summarize(around) : null };
  });
}

/** The latest dials, latest first: the ones whose workflow histories tell why they were late. */
export function latestOf(dials: readonly Dial[]): Dial[] {
  return [...dials].sort((a, b) => b.latenessMs - a.latenessMs).slice(0, LATEST_SHOWN);
}

/** The latest dials, each with the faults and the workflow's timeouts that came between a little before it was due and its dial. */
export function latestDials(dials: readonly Dial[], faults: readonly Fault[], delays: ReadonlyMap<string, WorkflowDelay[]>, startedAt: number): LateDial[] {
  return latestOf(dials).map((dial) => {
    const happenings = [
      ...faults.map((fault) => ({ at: startedAt + fault.killedAtMs, what: `${fault.target} killed` })),
      ...(delays.get(dial.callId) ?? []),
    ];
    const meanwhile = happenings
      .filter(({ at }) => at >= dial.dueAt - REACH_MS && at <= dial.dueAt + dial.latenessMs)
      .sort((a, b) => a.at - b.at)
      .map(({ at, what }) => `${signed(at - dial.dueAt)} ${what}`);
    return { callId: dial.callId, dueAtMs: dial.dueAt - startedAt, latenessMs: dial.latenessMs, meanwhile };
  });
}

function latestOneOffBefore(dueAtMs: number, oneOffs: readonly Fault[]): Fault | undefined {
  const before = oneOffs.filter((fault) => fault.killedAtMs <= dueAtMs).at(-1);
  return before && dueAtMs <= before.backAtMs + AFTERMATH_MS ? before : undefined;
}

function signed(ms: number): string {
  return `${ms < 0 ? '−' : '+'}${seconds(Math.abs(ms))}`;
}
