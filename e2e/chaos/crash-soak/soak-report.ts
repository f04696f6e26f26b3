import { summarize, type Summary } from '../../bench/percentiles';
import { renderTable } from '../../bench/text-table';
import { ms, seconds } from '../figures';
import { FAULT_KINDS, type Fault, type FaultKind } from './fault-log';
import { failures, verdict, type Findings } from './findings';
import { latenessByFault, latestDials, type FaultAftermath, type LateDial } from './lateness-by-fault';
import type { WorkflowDelay } from './workflow-delays';

/** What one crash soak found: the figures of the table, the faults behind them, and why it failed, if it did. */
export interface SoakReport extends Omit<Findings, 'dials'> {
  asked: number;
  /** Of each call's first dial, in milliseconds after it was due. */
  lateness: Summary | null;
  kills: Record<FaultKind, number>;
  faults: Fault[];
  /** Processes that ended without being killed, from the start of the soak: a crash the faults set off. */
  crashes: { process: string; atMs: number; how: string }[];
  aroundFaults: FaultAftermath[];
  latest: LateDial[];
  /** Every first dial, in the order the calls were due, from the start of the soak: the samples behind the lateness. */
  dials: { callId: string; dueAtMs: number; latenessMs: number }[];
  failures: string[];
}

/** A process that ended on its own, when (Date.now()) and how. */
export interface Crash {
  process: string;
  at: number;
  how: string;
}

export interface SoakOutcome {
  asked: number;
  found: Findings;
  faults: readonly Fault[];
  delays: ReadonlyMap<string, WorkflowDelay[]>;
  crashes: readonly Crash[];
  startedAt: number;
}

export function soakReport({ asked, found, faults, delays, crashes, startedAt }: SoakOutcome): SoakReport {
  const { dials, ...figures } = found;
  const latenesses = dials.map((dial) => dial.latenessMs);
  return {
    asked,
    ...figures,
    lateness: latenesses.length > 0 ? summarize(latenesses) : null,
    kills: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, faults.filter((fault) => fault.kind === kind).length])) as Record<FaultKind, number>,
    faults: [...faults],
    crashes: sinceStart(crashes, startedAt),
    aroundFaults: latenessByFault(dials, faults, startedAt),
    latest: latestDials(dials, faults, delays, startedAt),
    dials: dials.map((dial) => ({ callId: dial.callId, dueAtMs: dial.dueAt - startedAt, latenessMs: dial.latenessMs })).sort((a, b) => a.dueAtMs - b.dueAtMs),
    // A process that died on its own is a crash the suite found, whatever the calls show.
    failures: [...failures(found), ...(crashes.length > 0 ? [`${crashes.length} processes died without being killed${crashed(sinceStart(crashes, startedAt))}`] : [])],
  };
}

/** The report's figures, a line each: what the terminal and docs/RELIABILITY.md show. */
export function reportLines(report: SoakReport): [string, string][] {
  const { lateness, kills } = report;
  const downFor = (kind: FaultKind) => report.faults.filter((fault) => fault.kind === kind).map((fault) => seconds(fault.backAtMs - fault.killedAtMs)).join(', ');
  const cut = report.faults.filter((fault) => fault.kind === 'api' && fault.detail).map((fault) => fault.detail).join(', ');
  return [
    ['calls created', `${report.created} of ${report.asked}${refusals(report.refusedBy)}`],
    ['creates tried again', `${report.retried} (${report.answered503} answers 503, ${report.noAnswer} without an answer)`],
    ['calls lost', String(report.lost.length)],
    ['calls dialled more than once per attempt', String(report.doubled.length)],
    ['calls made but answered to no create', String(report.unclaimed.length)],
    ['projection ≠ workflow', String(report.mismatched.length)],
    ['event sequence gaps', String(report.gapped.length)],
    ['early dials', String(report.early.length)],
    ['firing lateness p50', lateness ? ms(lateness.p50) : '-'],
    ['firing lateness p99', lateness ? ms(lateness.p99) : '-'],
    ['firing lateness max', lateness ? ms(lateness.max) : '-'],
    ['workers killed', String(kills.worker)],
    ['APIs killed mid-create', `${kills.api}${cut ? ` (${cut})` : ''}`],
    ['Temporal dev server killed', `${kills.temporal}${kills.temporal > 0 ? ` (down ${downFor('temporal')})` : ''}`],
    ['PostgreSQL killed', `${kills.postgres}${kills.postgres > 0 ? ` (down ${downFor('postgres')})` : ''}`],
    ['processes that died without being killed', `${report.crashes.length}${crashed(report.crashes)}`],
  ];
}

/** The report as the terminal shows it: the figures, the lateness around each fault, the latest dials, and the failures. */
export function renderReport(report: SoakReport): string {
  const around = renderTable(
    ['calls due around', 'killed at', 'back at', 'calls', 'p50', 'max'],
    report.aroundFaults.map((entry) => [
      entry.fault,
      `+${seconds(entry.killedAtMs)}`,
      `+${seconds(entry.backAtMs)}`,
      String(entry.lateness?.count ?? 0),
      entry.lateness ? ms(entry.lateness.p50) : '-',
      entry.lateness ? ms(entry.lateness.max) : '-',
    ]),
  );
  const latest = report.latest.map((dial) => `${dial.callId}: due at +${seconds(dial.dueAtMs)}, dialled ${seconds(dial.latenessMs)} late\n    ${dial.meanwhile.join(', ') || '-'}`);
  const latestTitle = 'latest dials, and what happened from 15 s before each was due until its dial (times from its due instant):';
  return [renderTable(['crash soak', ''], reportLines(report)), around, [latestTitle, ...latest].join('\n'), verdict(report.failures)].join('\n\n');
}

function sinceStart(crashes: readonly Crash[], startedAt: number): SoakReport['crashes'] {
  return crashes.map(({ process, at, how }) => ({ process, atMs: at - startedAt, how }));
}

/** `(worker-2 at +108.2 s, exit code 1)`, or nothing. */
function crashed(crashes: SoakReport['crashes']): string {
  return crashes.length > 0 ? ` (${crashes.map((crash) => `${crash.process} at +${seconds(crash.atMs)}, ${crash.how}`).join('; ')})` : '';
}

/** `(6 answered 500)`, or nothing when every create made its call. */
function refusals(refusedBy: Record<string, number>): string {
  const answers = Object.entries(refusedBy).map(([answer, count]) => `${count} ${answer === 'network' ? 'never answered' : `answered ${answer}`}`);
  return answers.length > 0 ? ` (${answers.join(', ')})` : '';
}
