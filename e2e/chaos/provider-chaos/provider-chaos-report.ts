import { isTerminal, type CallDetailDto } from '@call-scheduler/shared';
import { summarize, type Summary } from '../../bench/percentiles';
import { renderTable } from '../../bench/text-table';
import { failures, findings, problemLine, verdict, type Findings, type Problem, type SoakObservations } from '../crash-soak/findings';
import { ms } from '../figures';

/** What the provider chaos found: the crash soak's checks, and what the provider's own faults must not change. */
export interface ProviderChaosReport extends Omit<Findings, 'dials'> {
  asked: number;
  refusedNumbers: number;
  /** Calls to a number the provider refuses that did anything but fail at their first attempt, with nothing dialled. */
  refusalsMishandled: Problem[];
  /** Calls to a number the provider takes that ended in anything but `completed`. */
  notCompleted: Problem[];
  /** Calls that went through "dial outcome unknown": their dial's retries ran out before the provider answered. */
  outcomeUnknown: number;
  /** Provider calls, and the POSTs that asked for them (retries of a dial carry its key). */
  providerCalls: number;
  posts: number;
  /** Of each call's first dial, in milliseconds after it was due. */
  lateness: Summary | null;
  /** From each call's due instant to its last event, for the calls that ended. */
  dueToEnd: Summary | null;
  failures: string[];
}

export function providerChaosReport(asked: number, seen: SoakObservations, refused: ReadonlySet<string>): ProviderChaosReport {
  const { dials, ...found } = findings(seen);
  const ended = [...seen.details.values()].filter((detail): detail is CallDetailDto => detail !== null && isTerminal(detail));
  const dialledNumbers = new Set(seen.providerCalls.map((call) => call.to));
  const refusalsMishandled = ended.filter((call) => refused.has(call.phoneNumber) && !failedUndialled(call, dialledNumbers)).map(problem);
  const notCompleted = ended.filter((call) => !refused.has(call.phoneNumber) && call.status !== 'completed').map(problem);
  const dueToEnd = ended.map((call) => Date.parse(call.events.at(-1)!.occurredAt) - Date.parse(call.scheduledAt));
  return {
    asked,
    ...found,
    refusedNumbers: refused.size,
    refusalsMishandled,
    notCompleted,
    outcomeUnknown: ended.filter((call) => call.events.some((event) => event.type === 'DialOutcomeUnknown')).length,
    providerCalls: seen.providerCalls.length,
    posts: seen.providerCalls.reduce((sum, call) => sum + call.postCount, 0),
    lateness: dials.length > 0 ? summarize(dials.map((dial) => dial.latenessMs)) : null,
    dueToEnd: dueToEnd.length > 0 ? summarize(dueToEnd) : null,
    failures: [
      ...failures({ ...found, dials }),
      ...problemLine('refused numbers not failed at their first attempt without a dial', refusalsMishandled),
      ...problemLine('calls the provider took that did not complete', notCompleted),
    ],
  };
}

/** The report's figures, a line each: what the terminal and docs/RELIABILITY.md show. */
export function providerChaosLines(report: ProviderChaosReport): [string, string][] {
  const { lateness, dueToEnd } = report;
  return [
    ['calls created', `${report.created} of ${report.asked}`],
    ['calls lost (not ended by the bound)', String(report.lost.length)],
    ['calls completed', String(report.statuses.completed ?? 0)],
    ['refused numbers failed at their first attempt, nothing dialled', `${report.refusedNumbers - report.refusalsMishandled.length} of ${report.refusedNumbers}`],
    ['calls the provider took that did not complete', String(report.notCompleted.length)],
    ['calls dialled more than once per attempt', String(report.doubled.length)],
    ['projection ≠ workflow', String(report.mismatched.length)],
    ['event sequence gaps', String(report.gapped.length)],
    ['early dials', String(report.early.length)],
    ['calls whose dial outcome was unknown for a while', String(report.outcomeUnknown)],
    ['provider POSTs per provider call', report.providerCalls > 0 ? (report.posts / report.providerCalls).toFixed(2) : '-'],
    ['firing lateness p50 / p99 / max', lateness ? `${ms(lateness.p50)} / ${ms(lateness.p99)} / ${ms(lateness.max)}` : '-'],
    ['due to ended p50 / p99 / max', dueToEnd ? `${ms(dueToEnd.p50)} / ${ms(dueToEnd.p99)} / ${ms(dueToEnd.max)}` : '-'],
  ];
}

export function renderProviderChaos(report: ProviderChaosReport): string {
  return [renderTable(['provider chaos', ''], providerChaosLines(report)), verdict(report.failures)].join('\n\n');
}

function failedUndialled(call: CallDetailDto, dialledNumbers: ReadonlySet<string>): boolean {
  return call.status === 'failed' && call.attempt === 1 && !dialledNumbers.has(call.phoneNumber);
}

function problem(call: CallDetailDto): Problem {
  const failed = call.events.find((event) => event.type === 'CallFailed');
  return { callId: call.id, why: `${call.status} at attempt ${call.attempt}${failed ? `: ${String(failed.data.reason)}` : ''}` };
}
