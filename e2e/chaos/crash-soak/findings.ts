import type { ProviderCallRecord } from '@call-scheduler/mock-provider';
import { isTerminal, type CallDetailDto, type CallDto } from '@call-scheduler/shared';
import type { CreateOutcome } from './call-creator';
import type { WorkflowObservation } from './workflow-states';

/** Everything seen once the soak has settled: what the clients were answered, and what each part holds. */
export interface SoakObservations {
  creates: readonly CreateOutcome[];
  /** The account's calls as the API lists them at the end. */
  accountCalls: readonly CallDto[];
  /** Each created call's detail; null where the API does not know it. */
  details: ReadonlyMap<string, CallDetailDto | null>;
  workflows: ReadonlyMap<string, WorkflowObservation>;
  providerCalls: readonly ProviderCallRecord[];
}

/** A call that broke a promise, and how. */
export interface Problem {
  callId: string;
  why: string;
}

/** When a call's first attempt reached the provider, against when it was due. */
export interface Dial {
  callId: string;
  dueAt: number;
  latenessMs: number;
}

export interface Findings {
  created: number;
  /** Creates that made no call, by key: every answer the client got. */
  refused: Problem[];
  /** How many of them ended on each answer (a status, or `network`). */
  refusedBy: Record<string, number>;
  /** How many creates needed more than one try; how many answers were 503, and how many never came. */
  retried: number;
  answered503: number;
  noAnswer: number;
  /** Not ended by the settle deadline, or unknown to the API. */
  lost: Problem[];
  /** Dialled more than once for one attempt, for an attempt the projection never shows, or for a call the API does not know. */
  doubled: Problem[];
  /** Calls of the account that no create was answered with: made twice, or made by a create its client was told had failed. */
  unclaimed: Problem[];
  /** The projection shows another status, attempt or provider call than the workflow (or the provider) has. */
  mismatched: Problem[];
  /** A timeline whose seq is not 1..version. */
  gapped: Problem[];
  early: Problem[];
  dials: Dial[];
  statuses: Record<string, number>;
}

export function findings(seen: SoakObservations): Findings {
  const dueAt = new Map(seen.creates.flatMap((outcome) => (outcome.call ? [[outcome.call.id, Date.parse(outcome.call.scheduledAt)] as const] : [])));
  const created = [...dueAt.keys()];
  const dials = firstDials(seen.providerCalls, dueAt);
  return {
    created: created.length,
    refused: seen.creates.flatMap((outcome) => (outcome.call ? [] : [{ callId: outcome.idempotencyKey, why: outcome.refusal ?? 'no answer' }])),
    refusedBy: countBy(seen.creates.flatMap((outcome) => (outcome.call ? [] : [String(outcome.answers.at(-1))]))),
    retried: seen.creates.filter((outcome) => outcome.answers.length > 1).length,
    answered503: seen.creates.flatMap((outcome) => outcome.answers).filter((answer) => answer === 503).length,
    noAnswer: seen.creates.flatMap((outcome) => outcome.answers).filter((answer) => answer === 'network').length,
    lost: created.flatMap((id) => lost(id, seen.details.get(id) ?? null)),
    doubled: perCall(doubledDials(seen, dueAt)),
    unclaimed: seen.accountCalls.filter((call) => !dueAt.has(call.id)).map((call) => ({ callId: call.id, why: `${call.phoneNumber}, ${call.status}` })),
    mismatched: perCall(created.flatMap((id) => mismatches(id, seen))),
    gapped: created.flatMap((id) => gaps(id, seen.details.get(id) ?? null)),
    early: dials.filter((dial) => dial.latenessMs < 0).map((dial) => ({ callId: dial.callId, why: `dialled ${-dial.latenessMs} ms before it was due` })),
    dials,
    statuses: countBy(created.map((id) => seen.details.get(id)?.status ?? 'missing')),
  };
}

/** Why the run fails, one line a kind of broken promise; empty when none was broken. */
export function failures(found: Findings): string[] {
  const kinds: [string, Problem[]][] = [
    ['lost', found.lost],
    ['dialled more than once per attempt', found.doubled],
    ['made but answered to no create', found.unclaimed],
    ['projection ≠ workflow', found.mismatched],
    ['event sequence gaps', found.gapped],
    ['dialled early', found.early],
  ];
  return kinds.flatMap(([what, problems]) => problemLine(what, problems));
}

/** What the terminal says last: every broken promise, or that none was. */
export function verdict(failed: readonly string[]): string {
  return failed.length > 0 ? `FAILED:\n${failed.map((failure) => `  ${failure}`).join('\n')}` : 'every call kept its promises';
}

/** `3 lost: <id> (why); …`, the first five named; nothing when there are none. */
export function problemLine(what: string, problems: readonly Problem[]): string[] {
  if (problems.length === 0) return [];
  return [`${problems.length} ${what}: ${problems.slice(0, 5).map((problem) => `${problem.callId} (${problem.why})`).join('; ')}${problems.length > 5 ? '; …' : ''}`];
}

function lost(id: string, detail: CallDetailDto | null): Problem[] {
  if (!detail) return [{ callId: id, why: 'unknown to the API' }];
  return isTerminal(detail) ? [] : [{ callId: id, why: `still ${detail.status} at attempt ${detail.attempt}` }];
}

/**
 * Provider calls are keyed `<callId>:<attempt>`; one key is one dial, however often it was posted. The dials of a
 * call of the account that no create was answered with are that call's problem, counted with the unclaimed.
 */
function doubledDials(seen: SoakObservations, created: ReadonlyMap<string, unknown>): Problem[] {
  const byKey = countBy(seen.providerCalls.map((call) => call.idempotencyKey));
  const account = new Set(seen.accountCalls.map((call) => call.id));
  return seen.providerCalls.flatMap((call): Problem[] => {
    const [callId = '', attempt = ''] = call.idempotencyKey.split(':');
    if (byKey[call.idempotencyKey]! > 1) return [{ callId, why: `${byKey[call.idempotencyKey]} provider calls for attempt ${attempt}` }];
    if (!created.has(callId)) return account.has(callId) ? [] : [{ callId, why: `provider call ${call.id} for a call the API does not know` }];
    // A created call the API does not know is counted lost, whatever was dialled for it.
    const shown = seen.details.get(callId);
    return shown && Number(attempt) > shown.attempt ? [{ callId, why: `provider call for attempt ${attempt}, the projection shows ${shown.attempt}` }] : [];
  });
}

function mismatches(id: string, seen: SoakObservations): Problem[] {
  const detail = seen.details.get(id);
  const workflow = seen.workflows.get(id);
  if (!detail) return [];
  if (!workflow?.state) return [{ callId: id, why: `workflow ${workflow?.status ?? 'not looked up'}` }];
  const { state } = workflow;
  const problems: Problem[] = [];
  if (state.status !== detail.status || state.attempt !== detail.attempt || state.externalCallId !== detail.externalCallId) {
    problems.push({ callId: id, why: `projection ${show(detail)}, workflow ${show(state)}` });
  }
  const dialled = seen.providerCalls.find((call) => call.idempotencyKey === `${id}:${detail.attempt}`);
  if (detail.externalCallId !== null && dialled?.id !== detail.externalCallId) {
    problems.push({ callId: id, why: `projection shows provider call ${detail.externalCallId}, the provider has ${dialled?.id ?? 'none'} for attempt ${detail.attempt}` });
  }
  return problems;
}

function show({ status, attempt, externalCallId }: Pick<CallDto, 'status' | 'attempt' | 'externalCallId'>): string {
  return `${status}/${attempt}/${externalCallId ?? '-'}`;
}

function gaps(id: string, detail: CallDetailDto | null): Problem[] {
  if (!detail) return [];
  const seqs = detail.events.map((event) => event.seq);
  const whole = seqs.length === detail.version && seqs.every((seq, index) => seq === index + 1);
  return whole ? [] : [{ callId: id, why: `seq ${seqs.join(',')} at version ${detail.version}` }];
}

/** Lateness is the provider's clock at the first attempt's POST against the instant the create was answered with. */
function firstDials(providerCalls: readonly ProviderCallRecord[], dueAt: ReadonlyMap<string, number>): Dial[] {
  const byKey = new Map(providerCalls.map((call) => [call.idempotencyKey, call]));
  return [...dueAt].flatMap(([callId, due]) => {
    const dialled = byKey.get(`${callId}:1`);
    return dialled ? [{ callId, dueAt: due, latenessMs: Date.parse(dialled.createdAt) - due }] : [];
  });
}

/** One problem a call, saying everything wrong with it. */
function perCall(problems: readonly Problem[]): Problem[] {
  const byCall = new Map<string, string[]>();
  for (const { callId, why } of problems) byCall.set(callId, [...(byCall.get(callId) ?? []), why]);
  return [...byCall].map(([callId, whys]) => ({ callId, why: [...new Set(whys)].join('; ') }));
}

export function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
