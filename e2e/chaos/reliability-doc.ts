import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Scenario } from './chaos-options';
import { commandsLines, type CommandsReport } from './commands-under-fire/commands-report';
import { databaseOutageLines, type DatabaseOutageReport } from './database-outage/outage-report';
import { reportLines, type SoakReport } from './crash-soak/soak-report';
import { ms, seconds } from './figures';
import { providerChaosLines, type ProviderChaosReport } from './provider-chaos/provider-chaos-report';
import type { RunFacts } from './run-facts';

export const RELIABILITY_DOC = resolve(__dirname, '../../docs/RELIABILITY.md');

/** What a scenario found. */
export type ScenarioOutcome =
  | { scenario: 'crash-soak'; report: SoakReport }
  | { scenario: 'provider-chaos'; report: ProviderChaosReport }
  | { scenario: 'commands-under-fire'; report: CommandsReport }
  | { scenario: 'database-outage'; report: DatabaseOutageReport };

/** One finished scenario, as its JSON and its section of docs/RELIABILITY.md record it. */
export type ChaosRun = RunFacts & { short: boolean; wallSeconds: number } & ScenarioOutcome;

/** Rewrites the run's section of docs/RELIABILITY.md (the full run's or the short run's), leaving the rest as written. */
export async function refreshReliabilityDoc(run: ChaosRun): Promise<void> {
  const doc = await readFile(RELIABILITY_DOC, 'utf8');
  await writeFile(RELIABILITY_DOC, replaceSection(doc, sectionName(run), runSection(run)));
}

export function sectionName(run: { scenario: Scenario; short: boolean }): string {
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

/** The run's figures as Markdown: when and where it ran, and its table; for a crash soak, the lateness around each one-off fault. */
export function runSection(run: ChaosRun): string {
  const { failures } = run.report;
  const heading = `${run.startedAt.slice(0, 10)}, commit ${run.commit}; ${run.machine}; wall time ${minutes(run.wallSeconds)}${run.scenario === 'crash-soak' ? ' with start-up' : ''}; ${failures.length > 0 ? `**failed**: ${failures.join('; ')}` : 'passed'}.`;
  const lines = linesOf(run);
  const table = ['| figure | value |', '|---|---|', ...lines.map(([figure, value]) => `| ${figure} | ${value} |`)];
  return [heading, '', ...table, ...(run.scenario === 'crash-soak' ? aroundFaults(run.report) : [])].join('\n');
}

function linesOf(run: ScenarioOutcome): [string, string][] {
  switch (run.scenario) {
    case 'crash-soak':
      return reportLines(run.report);
    case 'provider-chaos':
      return providerChaosLines(run.report);
    case 'commands-under-fire':
      return commandsLines(run.report);
    case 'database-outage':
      return databaseOutageLines(run.report);
  }
}

function aroundFaults(report: SoakReport): string[] {
  const rows = report.aroundFaults.map(
    (entry) =>
      `| ${entry.fault} | +${seconds(entry.killedAtMs)} | +${seconds(entry.backAtMs)} | ${entry.lateness?.count ?? 0} | ${entry.lateness ? ms(entry.lateness.p50) : '-'} | ${entry.lateness ? ms(entry.lateness.max) : '-'} |`,
  );
  return [
    '',
    'Lateness of the calls due while each process was down or in the 20 s after it came back:',
    '',
    '| calls due around | killed at | back at | calls | p50 | max |',
    '|---|---|---|---|---|---|',
    ...rows,
  ];
}

function minutes(totalSeconds: number): string {
  const whole = Math.round(totalSeconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
