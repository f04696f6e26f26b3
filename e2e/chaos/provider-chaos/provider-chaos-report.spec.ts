import type { ProviderCallRecord } from '@call-scheduler/mock-provider';
import type { CallDetailDto, CallEventType, CallState, CallStatus } from '@call-scheduler/shared';
import type { SoakObservations } from '../crash-soak/findings';
import { providerChaosReport } from './provider-chaos-report';

const DUE = '2026-12-01T09:30:00.000Z';
const REFUSED = '+16465550001';

function call(id: string, phoneNumber: string, status: CallStatus, types: CallEventType[], endedAfterMs = 4_000): CallDetailDto {
  const ended = new Date(Date.parse(DUE) + endedAfterMs).toISOString();
  return {
    id,
    phoneNumber,
    status,
    attempt: 1,
    externalCallId: types.includes('ProviderAccepted') ? `p-${id}` : null,
    scheduledAt: DUE,
    nextAttemptAt: null,
    version: types.length,
    events: types.map((type, i) => ({ seq: i + 1, type, data: type === 'CallFailed' ? { reason: 'The provider did not take the call: 422' } : {}, occurredAt: i === types.length - 1 ? ended : DUE })),
  } as unknown as CallDetailDto;
}

function dialled({ id, phoneNumber }: CallDetailDto, postCount: number): ProviderCallRecord {
  return { id: `p-${id}`, idempotencyKey: `${id}:1`, to: phoneNumber, createdAt: DUE, postCount } as ProviderCallRecord;
}

function observed(calls: CallDetailDto[], providerCalls: ProviderCallRecord[]): SoakObservations {
  return {
    creates: calls.map((c, index) => ({ index, idempotencyKey: `key-${c.id}`, call: { id: c.id, scheduledAt: DUE }, answers: [201] })),
    accountCalls: calls,
    details: new Map(calls.map((c) => [c.id, c])),
    workflows: new Map(calls.map((c) => [c.id, { status: 'COMPLETED', state: c as unknown as CallState }])),
    providerCalls,
  };
}

const COMPLETED: CallEventType[] = ['CallScheduled', 'DialAttemptStarted', 'ProviderAccepted', 'CallCompleted'];
const REFUSED_AT_ONCE: CallEventType[] = ['CallScheduled', 'DialAttemptStarted', 'CallFailed'];

describe('what the provider chaos finds', () => {
  it('passes calls that completed through retries, and a refused number that failed at once without a dial', () => {
    const a = call('a', '+16465550000', 'completed', COMPLETED, 3_000);
    const b = call('b', '+16465550002', 'completed', [...COMPLETED.slice(0, 2), 'DialOutcomeUnknown', ...COMPLETED.slice(2)], 9_000);
    const refused = call('r', REFUSED, 'failed', REFUSED_AT_ONCE);
    const report = providerChaosReport(3, observed([a, b, refused], [dialled(a, 3), dialled(b, 9)]), new Set([REFUSED]));

    expect(report).toMatchObject({ created: 3, refusedNumbers: 1, refusalsMishandled: [], notCompleted: [], outcomeUnknown: 1, providerCalls: 2, posts: 12 });
    expect(report.dueToEnd).toMatchObject({ count: 3, max: 9_000 });
    expect(report.failures).toEqual([]);
  });

  it('fails a refused number that was dialled in the end, and a call the provider took that did not complete', () => {
    const refused = call('r', REFUSED, 'completed', COMPLETED);
    const gaveUp = call('g', '+16465550003', 'failed', REFUSED_AT_ONCE);
    const report = providerChaosReport(2, observed([refused, gaveUp], [dialled(refused, 2)]), new Set([REFUSED]));

    expect(report.refusalsMishandled).toEqual([{ callId: 'r', why: 'completed at attempt 1' }]);
    expect(report.notCompleted).toEqual([{ callId: 'g', why: 'failed at attempt 1: The provider did not take the call: 422' }]);
    expect(report.failures).toEqual([
      '1 refused numbers not failed at their first attempt without a dial: r (completed at attempt 1)',
      '1 calls the provider took that did not complete: g (failed at attempt 1: The provider did not take the call: 422)',
    ]);
  });
});
