import type { ProviderCallRecord } from '@call-scheduler/mock-provider';
import type { CallDetailDto, CallState, CallStatus } from '@call-scheduler/shared';
import type { CreateOutcome } from './call-creator';
import { failures, findings, type SoakObservations } from './findings';

const DUE = '2026-12-01T09:30:00.000Z';
const dueAt = Date.parse(DUE);

function created(id: string, answers: CreateOutcome['answers'] = [201]): CreateOutcome {
  return { index: 0, idempotencyKey: `key-${id}`, call: { id, scheduledAt: DUE }, answers };
}

function detail(id: string, status: CallStatus = 'completed', seqs = [1, 2, 3], attempt = 1): CallDetailDto {
  return {
    id,
    phoneNumber: '+13125550000',
    status,
    attempt,
    externalCallId: `p-${id}-${attempt}`,
    scheduledAt: DUE,
    nextAttemptAt: null,
    version: seqs.length,
    events: seqs.map((seq) => ({ seq, type: 'CallScheduled', data: {}, occurredAt: DUE })),
  } as unknown as CallDetailDto;
}

function dialled(id: string, attempt = 1, lateMs = 100): ProviderCallRecord {
  return { id: `p-${id}-${attempt}`, idempotencyKey: `${id}:${attempt}`, createdAt: new Date(dueAt + lateMs).toISOString(), postCount: 1 } as ProviderCallRecord;
}

/** One completed call `a`, dialled once 100 ms late, agreeing everywhere: what every call of a good run looks like. */
function goodRun(): SoakObservations {
  const call = detail('a');
  return {
    creates: [created('a', ['network', 201])],
    accountCalls: [call],
    details: new Map([['a', call]]),
    workflows: new Map([['a', { status: 'COMPLETED', state: call as unknown as CallState }]]),
    providerCalls: [dialled('a')],
  };
}

describe('what a crash soak finds', () => {
  it('finds nothing wrong with a call that ended, was dialled once on time, and agrees everywhere', () => {
    const found = findings(goodRun());
    expect(found).toMatchObject({ created: 1, retried: 1, noAnswer: 1, lost: [], doubled: [], unclaimed: [], mismatched: [], gapped: [], early: [] });
    expect(found.dials).toEqual([{ callId: 'a', dueAt, latenessMs: 100 }]);
    expect(failures(found)).toEqual([]);
  });

  it('counts a call still pending, or unknown to the API, as lost', () => {
    const seen = goodRun();
    const pending = findings({ ...seen, details: new Map([['a', detail('a', 'dialing')]]) });
    const unknown = findings({ ...seen, details: new Map([['a', null]]) });
    expect(pending.lost).toEqual([{ callId: 'a', why: 'still dialing at attempt 1' }]);
    expect(unknown.lost).toEqual([{ callId: 'a', why: 'unknown to the API' }]);
    expect(failures(unknown)).toEqual([expect.stringMatching(/^1 lost: a/)]);
  });

  it('counts a dial for an attempt the projection never shows, or for a call no create made, as doubled', () => {
    const seen = goodRun();
    const found = findings({ ...seen, providerCalls: [dialled('a'), dialled('a', 2), dialled('stranger')] });
    expect(found.doubled).toEqual([
      { callId: 'a', why: 'provider call for attempt 2, the projection shows 1' },
      { callId: 'stranger', why: 'provider call p-stranger-1 for a call the API does not know' },
    ]);
  });

  it('counts a call of the account that no create was answered with, made twice or by a create its client gave up on, once', () => {
    const found = findings({ ...goodRun(), accountCalls: [detail('a'), detail('twin')], providerCalls: [dialled('a'), dialled('twin')] });
    expect(found.unclaimed).toEqual([{ callId: 'twin', why: '+13125550000, completed' }]);
    expect(found.doubled).toEqual([]);
  });

  it('finds a projection that differs from its workflow, or names a provider call the provider does not have', () => {
    const seen = goodRun();
    const running = { status: 'RUNNING', state: { ...detail('a'), status: 'in_progress' } as unknown as CallState };
    expect(findings({ ...seen, workflows: new Map([['a', running]]) }).mismatched).toEqual([
      { callId: 'a', why: 'projection completed/1/p-a-1, workflow in_progress/1/p-a-1' },
    ]);
    expect(findings({ ...seen, providerCalls: [{ ...dialled('a'), id: 'other' }] }).mismatched).toEqual([
      { callId: 'a', why: 'projection shows provider call p-a-1, the provider has other for attempt 1' },
    ]);
  });

  it('finds a timeline whose seq skips a number, or stops short of the version', () => {
    const seen = goodRun();
    const skipped = detail('a', 'completed', [1, 3]);
    const short = { ...detail('a'), version: 4 };
    expect(findings({ ...seen, details: new Map([['a', skipped]]) }).gapped).toEqual([{ callId: 'a', why: 'seq 1,3 at version 2' }]);
    expect(findings({ ...seen, details: new Map([['a', short]]) }).gapped).toEqual([{ callId: 'a', why: 'seq 1,2,3 at version 4' }]);
  });

  it('finds a dial that came before its call was due, even by a millisecond', () => {
    const found = findings({ ...goodRun(), providerCalls: [dialled('a', 1, -1)] });
    expect(found.early).toEqual([{ callId: 'a', why: 'dialled 1 ms before it was due' }]);
  });

  it('tells the creates that made no call by the answer they ended on', () => {
    const refused: CreateOutcome = { index: 1, idempotencyKey: 'key-b', call: null, answers: [500], refusal: '500 {}' };
    const found = findings({ ...goodRun(), creates: [created('a'), refused] });
    expect(found).toMatchObject({ created: 1, refused: [{ callId: 'key-b', why: '500 {}' }], refusedBy: { '500': 1 } });
  });
});
