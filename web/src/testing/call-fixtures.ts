import type { CallDetailDto, CallDto, CallEvent, CallEventDto, CallPageDto } from '@call-scheduler/shared';

/** A scheduled call to +1 415 555 0123 at 10:00 UTC on 1 Dec 2026; override what a test is about. */
export function makeCall(overrides: Partial<CallDto> = {}): CallDto {
  const id = overrides.id ?? 'call-1';
  return {
    id,
    accountId: 'account-1',
    phoneNumber: '+14155550123',
    scheduledAt: '2026-12-01T10:00:00.000Z',
    status: 'scheduled',
    externalCallId: null,
    attempt: 0,
    maxAttempts: 3,
    retryDelaySeconds: 300,
    nextAttemptAt: null,
    lastError: null,
    dialHold: null,
    window: null,
    latestAt: null,
    windowOpensAt: null,
    windowOverridden: false,
    scheduleId: null,
    batchId: null,
    note: null,
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    workflowId: `call-${id}`,
    temporalUiUrl: `http://localhost:8233/namespaces/default/workflows/call-${id}`,
    version: 1,
    ...overrides,
  };
}

export function makeCallDetail(overrides: Partial<CallDetailDto> = {}): CallDetailDto {
  return { ...makeCall(overrides), events: overrides.events ?? [] };
}

/** A recorded event, numbered from 1 in the order given. */
export function makeEvents(...events: [occurredAt: string, event: CallEvent][]): CallEventDto[] {
  return events.map(([occurredAt, { type, data }], index) => ({ seq: index + 1, type, data, occurredAt }));
}

export function makePage(items: CallDto[], nextCursor: string | null = null): CallPageDto {
  return { items, nextCursor };
}
