import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { reportLines, type SoakReport } from './crash-soak/soak-report';
import { ms, seconds } from './figures';
import type { RunFacts } from './run-facts';

export const RELIABILITY_DOC = resolve(__dirname, '../../docs/RELIABILITY.md');

/** One finished crash soak, as its JSON and its section of docs/RELIABILITY.md record it. */
export interface ChaosRun extends RunFacts {
  scenario: 'crash-soak';
  short: boolean;
  wallSeconds: number;
  report: SoakReport;
}

/** Rewrites the run's section of docs/RELIABILITY.md (the full run's or the short run's), leaving the rest as written. */
export async function refreshReliabilityDoc(run: ChaosRun): Promise<void> {
  const doc = await readFile(RELIABILITY_DOC, 'utf8');
  await writeFile(RELIABILITY_DOC, replaceSection(doc, sectionName(run), runSection(run)));
}

export function sectionName(run: Pick<ChaosRun, 'scenario' | 'short'>): string {
  return `${run.scenario}:${run.short ? 'short' : 'full'}`;
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, replaced. */
export function replaceSection(doc: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from === -1 || to < from) throw new Error(`${RELIABILITY_DOC} has no section between ${start} and ${end}`);
  return `${doc.slice(0, from + start.length)}\n${content}\n${doc.slice(to)}`;
}

/** The run's figures as Markdown: when and where it ran, its table, and the lateness around each one-off fault. */
export function runSection(run: ChaosRun): string {
  const { report } = run;
  const around = report.aroundFaults.map(
    (entry) =>
      `| ${entry.fault} | +${seconds(entry.killedAtMs)} | +${seconds(entry.backAtMs)} | ${entry.lateness?.count ?? 0} | ${entry.lateness ? ms(entry.lateness.p50) : '-'} | ${entry.lateness ? ms(entry.lateness.max) : '-'} |`,
  );
  return [
    `${run.startedAt.slice(0, 10)}, commit ${run.commit}; ${run.machine}; wall time ${minutes(run.wallSeconds)} with start-up; ${report.failures.length > 0 ? `**failed**: ${report.failures.join('; ')}` : 'passed'}.`,
    '',
    '| figure | value |',
    '|---|---|',
    ...reportLines(report).map(([figure, value]) => `| ${figure} | ${value} |`),
    '',
    'Lateness of the calls due while each process was down or in the 20 s after it came back:',
    '',
    '| calls due around | killed at | back at | calls | p50 | max |',
    '|---|---|---|---|---|---|',
    ...around,
  ].join('\n');
}

function minutes(totalSeconds: number): string {
  const whole = Math.round(totalSeconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
