import type { CallDetailDto } from '@call-scheduler/shared';
import { workflowIdForCall } from '@call-scheduler/shared/workflow';
import { renderTable } from '../../bench/text-table';
import type { CreateOutcome } from '../crash-soak/call-creator';
import { failures, findings, problemLine, verdict, type Findings, type Problem, type SoakObservations } from '../crash-soak/findings';
import type { CancelOutcome } from './cancel-client';

/** When a call was cancelled: long before it was due, or around the instant its dial is made. */
export type CancelMoment = 'while sleeping' | 'at its instant';

export interface CommandsObservations extends SoakObservations {
  /** The creates of each key, sent at once, as their clients saw them. */
  createsByKey: ReadonlyMap<string, readonly CreateOutcome[]>;
  cancels: readonly (CancelOutcome & { moment: CancelMoment })[];
  /** The ids of every call workflow started while the scenario ran. */
  workflowsStarted: ReadonlySet<string>;
}

/** What the commands under fire found: the crash soak's checks, and what duplicate creates and cancels must keep. */
export interface CommandsReport extends Omit<Findings, 'dials'> {
  keys: number;
  /** Keys whose copies were not all answered with the one same call. */
  answersDiffer: Problem[];
  /** Call workflows started while the scenario ran that no create was answered with: a second start for a key. */
  strayWorkflows: Problem[];
  cancels: Record<CancelMoment, { sent: number; taken: number; refused: number; unconfirmed: number }>;
  /** Cancels whose answers and the call's end disagree, or a cancelled call that was dialled. */
  cancelsBroken: Problem[];
  /** Of the cancels at the instant, how long after it (negative: before) the latest taken and the earliest refused were sent. */
  latestTakenMs: number | null;
  earliestRefusedMs: number | null;
  failures: string[];
}

export function commandsReport(seen: CommandsObservations): CommandsReport {
  const { dials, ...found } = findings(seen);
  const dialledNumbers = new Set(seen.providerCalls.map((call) => call.to));
  const cancelsBroken = seen.cancels.flatMap((cancel) => brokenCancel(cancel, seen.details.get(cancel.callId) ?? null, dialledNumbers));
  const answersDiffer = [...seen.createsByKey].flatMap(([key, creates]): Problem[] => {
    const ids = new Set(creates.flatMap((outcome) => (outcome.call ? [outcome.call.id] : [])));
    const refused = creates.filter((outcome) => !outcome.call).map((outcome) => outcome.refusal ?? 'no answer');
    if (ids.size === 1 && refused.length === 0) return [];
    return [{ callId: key, why: [ids.size > 0 ? `answered with ${[...ids].join(', ')}` : 'made no call', ...refused.map((why) => `refused: ${why}`)].join('; ') }];
  });
  const answered = new Set([...seen.details.keys()].map(workflowIdForCall));
  const strayWorkflows = [...seen.workflowsStarted].filter((id) => !answered.has(id)).map((id) => ({ callId: id, why: 'started, and answered to no create' }));
  return {
    ...found,
    keys: seen.createsByKey.size,
    answersDiffer,
    strayWorkflows,
    cancels: { 'while sleeping': tally(seen.cancels, 'while sleeping'), 'at its instant': tally(seen.cancels, 'at its instant') },
    cancelsBroken,
    ...instantOffsets(seen),
    failures: [
      ...failures({ ...found, dials }),
      ...problemLine('keys whose copies were not all answered with one call', answersDiffer),
      ...problemLine('call workflows started that no create was answered with', strayWorkflows),
      ...problemLine('cancels that the call does not bear out', cancelsBroken),
    ],
  };
}

/**
 * What a cancel promises: answered 200, the call ended cancelled and was never dialled; refused at its first try,
 * the call went on; a cancel sent while the call slept is taken (perhaps by a try whose answer was lost). And a
 * cancelled call is never dialled, whatever its client heard.
 */
function brokenCancel(cancel: CancelOutcome & { moment: CancelMoment }, call: CallDetailDto | null, dialledNumbers: ReadonlySet<string>): Problem[] {
  if (!call) return [];
  const last = cancel.answers.at(-1);
  const cancelled = call.status === 'cancelled';
  const dialled = dialledNumbers.has(call.phoneNumber);
  const why = (what: string): Problem[] => [{ callId: call.id, why: `cancel ${cancel.moment} answered ${cancel.answers.join(', then ')}; ${what}` }];
  if (cancelled && dialled) return why('the call was cancelled, yet dialled');
  if (last === 200 && !cancelled) return why(`the call ended ${call.status}`);
  if (cancel.answers[0] === 409 && cancelled) return why('the call ended cancelled');
  if (cancel.moment === 'while sleeping' && !cancelled) return why(`the call ended ${call.status}`);
  if (!cancelled && call.status !== 'completed') return why(`the call ended ${call.status}`);
  return [];
}

function instantOffsets(seen: CommandsObservations): Pick<CommandsReport, 'latestTakenMs' | 'earliestRefusedMs'> {
  const atInstant = seen.cancels.filter((cancel) => cancel.moment === 'at its instant');
  const offsets = (answer: number) =>
    atInstant.flatMap((cancel) => {
      const call = seen.details.get(cancel.callId);
      return call && cancel.answers.at(-1) === answer ? [cancel.sentAt - Date.parse(call.scheduledAt)] : [];
    });
  const [taken, refused] = [offsets(200), offsets(409)];
  return { latestTakenMs: taken.length > 0 ? Math.max(...taken) : null, earliestRefusedMs: refused.length > 0 ? Math.min(...refused) : null };
}

function tally(cancels: CommandsObservations['cancels'], moment: CancelMoment) {
  const of = cancels.filter((cancel) => cancel.moment === moment);
  const last = (cancel: CancelOutcome) => cancel.answers.at(-1);
  return {
    sent: of.length,
    taken: of.filter((cancel) => last(cancel) === 200).length,
    refused: of.filter((cancel) => last(cancel) === 409).length,
    unconfirmed: of.filter((cancel) => last(cancel) !== 200 && last(cancel) !== 409).length,
  };
}

export function commandsLines(report: CommandsReport): [string, string][] {
  const line = (moment: CancelMoment) => {
    const { sent, taken, refused, unconfirmed } = report.cancels[moment];
    return `${sent}: ${taken} taken, ${refused} refused as no longer pending, ${unconfirmed} unconfirmed`;
  };
  return [
    ['keys, each created 3 times at once', String(report.keys)],
    ['calls created', String(report.created)],
    ['keys whose copies were not all answered with one call', String(report.answersDiffer.length)],
    ['calls made but answered to no create', String(report.unclaimed.length)],
    ['call workflows started but answered to no create', String(report.strayWorkflows.length)],
    ['calls lost', String(report.lost.length)],
    ['cancels while sleeping', line('while sleeping')],
    ['cancels at the instant', line('at its instant')],
    ['at the instant: latest taken, earliest refused', `${offset(report.latestTakenMs)}, ${offset(report.earliestRefusedMs)} from the instant`],
    ['cancels the call does not bear out', String(report.cancelsBroken.length)],
    ['calls dialled more than once per attempt', String(report.doubled.length)],
    ['projection ≠ workflow', String(report.mismatched.length)],
    ['event sequence gaps', String(report.gapped.length)],
    ['early dials', String(report.early.length)],
  ];
}

function offset(valueMs: number | null): string {
  return valueMs === null ? '-' : `${valueMs >= 0 ? '+' : ''}${Math.round(valueMs)} ms`;
}

export function renderCommands(report: CommandsReport): string {
  return [renderTable(['commands under fire', ''], commandsLines(report)), verdict(report.failures)].join('\n\n');
}
