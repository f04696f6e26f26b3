import { summarize, type Summary } from '../../bench/percentiles';
import { renderTable } from '../../bench/text-table';
import { countBy, failures, findings, problemLine, verdict, type Findings, type Problem, type SoakObservations } from '../crash-soak/findings';
import { ms, seconds } from '../figures';
import type { ProbeRead } from './read-prober';

/** A read sent this soon after the kill may have reached PostgreSQL before it died. */
const SETTLING_MS = 1_000;

export interface OutageOutcome {
  asked: number;
  seen: SoakObservations;
  reads: readonly ProbeRead[];
  movedBack: readonly Problem[];
  /** When (Date.now()) PostgreSQL was killed, when it was back, and when every call had ended or the deadline passed. */
  down: number;
  back: number;
  ended: number;
}

/** What one outage found: the crash soak's checks, and how the APIs answered meanwhile. */
export interface OutageReport extends Omit<Findings, 'dials'> {
  asked: number;
  downMs: number;
  /** The reads sent while PostgreSQL was down, by answer (a status, or `network`). */
  readsWhileDown: Record<string, number>;
  slowestReadWhileDownMs: number | null;
  /** From PostgreSQL back to the first read that was served; null if none was. */
  servingAgainAfterMs: number | null;
  /** From PostgreSQL back until every call had ended (the account's calls are read every 2 s). */
  allEndedAfterMs: number;
  movedBack: Problem[];
  /** Of each call's first dial, in milliseconds after it was due: how long the outage held it. */
  lateness: Summary | null;
  failures: string[];
}

export function outageReport({ asked, seen, reads, movedBack, down, back, ended }: OutageOutcome): OutageReport {
  const { dials, ...found } = findings(seen);
  const whileDown = reads.filter((read) => read.at >= down + SETTLING_MS && read.at < back);
  const served = reads.find((read) => read.at >= back && read.status === 200);
  const unexpected = whileDown.filter((read) => read.status !== 503);
  const report = {
    asked,
    ...found,
    downMs: back - down,
    readsWhileDown: countBy(whileDown.map((read) => String(read.status))),
    slowestReadWhileDownMs: whileDown.length > 0 ? Math.max(...whileDown.map((read) => read.tookMs)) : null,
    servingAgainAfterMs: served ? served.at - back : null,
    allEndedAfterMs: ended - back,
    movedBack: [...movedBack],
    lateness: dials.length > 0 ? summarize(dials.map((dial) => dial.latenessMs)) : null,
  };
  return {
    ...report,
    failures: [
      ...failures({ ...found, dials }),
      ...problemLine('projections that moved backwards', movedBack),
      ...(unexpected.length > 0 ? [`${unexpected.length} reads answered other than 503 while PostgreSQL was down: ${unexpected.map((read) => read.status).join(', ')}`] : []),
      ...(served ? [] : ['no read was served after PostgreSQL came back']),
    ],
  };
}

export function outageLines(report: OutageReport): [string, string][] {
  const reads = Object.entries(report.readsWhileDown).map(([answer, count]) => `${count} ${answer === 'network' ? 'unanswered' : `answered ${answer}`}`);
  const { lateness } = report;
  return [
    ['PostgreSQL down', seconds(report.downMs)],
    ['calls created, all due while it was down', `${report.created} of ${report.asked}`],
    ['calls lost', String(report.lost.length)],
    ['calls dialled more than once per attempt', String(report.doubled.length)],
    ['projection ≠ workflow', String(report.mismatched.length)],
    ['event sequence gaps', String(report.gapped.length)],
    ['projections that moved backwards', String(report.movedBack.length)],
    ['reads of the calls while it was down', `${reads.join(', ') || 'none'}${report.slowestReadWhileDownMs === null ? '' : `; slowest ${ms(report.slowestReadWhileDownMs)}`}`],
    ['reads served again after it came back', report.servingAgainAfterMs === null ? 'never' : seconds(report.servingAgainAfterMs)],
    ['every call ended after it came back', seconds(report.allEndedAfterMs)],
    ['firing lateness p50 / max', lateness ? `${ms(lateness.p50)} / ${ms(lateness.max)}` : '-'],
  ];
}


/** Every outage of a run, each after the other. */
export interface DatabaseOutageReport {
  outages: OutageReport[];
  failures: string[];
}

export function databaseOutageReport(outages: OutageReport[]): DatabaseOutageReport {
  return { outages, failures: outages.flatMap((outage) => outage.failures.map((failure) => `${seconds(outage.downMs)} outage: ${failure}`)) };
}

export function databaseOutageLines(report: DatabaseOutageReport): [string, string][] {
  return report.outages.flatMap(outageLines);
}

export function renderDatabaseOutage(report: DatabaseOutageReport): string {
  const tables = report.outages.map((outage) => renderTable([`database outage (${seconds(outage.downMs)})`, ''], outageLines(outage)));
  return [...tables, verdict(report.failures)].join('\n\n');
}
