import type { ProviderCallRecord } from '@call-scheduler/mock-provider';
import type { CallDetailDto, CallState, CallStatus } from '@call-scheduler/shared';
import type { CreateOutcome } from '../crash-soak/call-creator';
import { commandsReport, type CommandsObservations } from './commands-report';

const DUE = '2026-12-01T09:30:00.000Z';

function call(id: string, status: CallStatus): CallDetailDto {
  return {
    id,
    phoneNumber: `+1718555${id.padStart(4, '0')}`,
    status,
    attempt: status === 'cancelled' ? 0 : 1,
    externalCallId: status === 'completed' ? `p-${id}` : null,
    scheduledAt: DUE,
    nextAttemptAt: null,
    version: 2,
    events: [
      { seq: 1, type: 'CallScheduled', data: {}, occurredAt: DUE },
      { seq: 2, type: status === 'cancelled' ? 'CallCancelled' : 'CallCompleted', data: {}, occurredAt: DUE },
    ],
  } as unknown as CallDetailDto;
}

function dialled({ id, phoneNumber }: CallDetailDto): ProviderCallRecord {
  return { id: `p-${id}`, idempotencyKey: `${id}:1`, to: phoneNumber, createdAt: DUE, postCount: 1 } as ProviderCallRecord;
}

function created(key: string, ...ids: string[]): CreateOutcome[] {
  return ids.map((id, index) => ({ index, idempotencyKey: key, call: { id, scheduledAt: DUE }, answers: [201] }));
}

function observed(calls: CallDetailDto[], providerCalls: ProviderCallRecord[], over: Partial<CommandsObservations>): CommandsObservations {
  const createsByKey = over.createsByKey ?? new Map(calls.map((c) => [`key-${c.id}`, created(`key-${c.id}`, c.id, c.id, c.id)]));
  return {
    creates: [...createsByKey.values()].flat(),
    accountCalls: calls,
    details: new Map(calls.map((c) => [c.id, c])),
    workflows: new Map(calls.map((c) => [c.id, { status: 'COMPLETED', state: c as unknown as CallState }])),
    providerCalls,
    createsByKey,
    cancels: [],
    workflowsStarted: new Set(calls.map((c) => `call-${c.id}`)),
    ...over,
  };
}

describe('what the commands under fire find', () => {
  it('passes a cancel taken while sleeping, one taken at the instant, and one refused there whose call went on', () => {
    const [asleep, caught, missed] = [call('1', 'cancelled'), call('2', 'cancelled'), call('3', 'completed')];
    const report = commandsReport(
      observed([asleep, caught, missed], [dialled(missed)], {
        cancels: [
          { callId: '1', sentAt: 0, answers: [503, 200], moment: 'while sleeping' },
          { callId: '2', sentAt: 0, answers: [200], moment: 'at its instant' },
          { callId: '3', sentAt: 0, answers: [409], moment: 'at its instant' },
        ],
      }),
    );

    expect(report).toMatchObject({ keys: 3, created: 3, answersDiffer: [], cancelsBroken: [], unclaimed: [] });
    expect(report.cancels['at its instant']).toEqual({ sent: 2, taken: 1, refused: 1, unconfirmed: 0 });
    expect(report.failures).toEqual([]);
  });

  it('fails a workflow started that no create was answered with', () => {
    const only = call('1', 'completed');
    const report = commandsReport(observed([only], [dialled(only)], { workflowsStarted: new Set(['call-1', 'call-9']) }));

    expect(report.strayWorkflows).toEqual([{ callId: 'call-9', why: 'started, and answered to no create' }]);
    expect(report.failures).toEqual(['1 call workflows started that no create was answered with: call-9 (started, and answered to no create)']);
  });

  it('fails a key whose copy was refused', () => {
    const only = call('1', 'completed');
    const refused = { index: 1, idempotencyKey: 'key-1', call: null, answers: [422], refusal: '422: key used with another body' };
    const report = commandsReport(observed([only], [dialled(only)], { createsByKey: new Map([['key-1', [...created('key-1', '1', '1'), refused]]]) }));

    expect(report.answersDiffer).toEqual([{ callId: 'key-1', why: 'answered with 1; refused: 422: key used with another body' }]);
  });

  it('fails a key answered with two calls, a cancelled call that was dialled, and a refused cancel whose call ended cancelled', () => {
    const [first, second, dialledAnyway, refused] = [call('1', 'completed'), call('2', 'completed'), call('3', 'cancelled'), call('4', 'cancelled')];
    const createsByKey = new Map([
      ['key-a', created('key-a', '1', '2', '1')],
      ['key-3', created('key-3', '3')],
      ['key-4', created('key-4', '4')],
    ]);
    const report = commandsReport(
      observed([first, second, dialledAnyway, refused], [dialled(first), dialled(second), dialled(dialledAnyway)], {
        createsByKey,
        cancels: [
          { callId: '3', sentAt: 0, answers: [200], moment: 'at its instant' },
          { callId: '4', sentAt: 0, answers: [409], moment: 'at its instant' },
        ],
      }),
    );

    expect(report.answersDiffer).toEqual([{ callId: 'key-a', why: 'answered with 1, 2' }]);
    expect(report.cancelsBroken).toEqual([
      { callId: '3', why: 'cancel at its instant answered 200; the call was cancelled, yet dialled' },
      { callId: '4', why: 'cancel at its instant answered 409; the call ended cancelled' },
    ]);
    // The crash soak's own check sees the dial of the cancelled call too: the projection shows no attempt.
    expect(report.failures).toEqual([
      expect.stringContaining('1 dialled more than once per attempt: 3'),
      expect.stringContaining('1 keys whose copies were not all answered with one call'),
      expect.stringContaining('2 cancels that the call does not bear out'),
    ]);
  });
});
