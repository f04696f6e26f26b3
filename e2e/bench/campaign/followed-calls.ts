import type { ProviderCallRecord, ProviderStats } from '@call-scheduler/mock-provider';
import type { CallBatchReport, CallStatus } from '@call-scheduler/shared';
import type { Stack } from '../../src/support/stack';
import { StackClient } from '../../src/support/stack-client';
import { eventually } from '../../src/support/eventually';
import { CallStream } from '../call-stream';

export interface CallTiming {
  queuedMs: number;
  ringingMs: number;
  talkMs: number;
}

/** When each status begins at the provider, after the dial. */
function statusAt({ queuedMs, ringingMs, talkMs }: CallTiming): Partial<Record<CallStatus, number>> {
  return { ringing: queuedMs, in_progress: queuedMs + ringingMs, completed: queuedMs + ringingMs + talkMs };
}

export interface FollowedCalls {
  calls: number;
  /** Calls in progress, summed, in minutes, from the dial to the end at the provider. */
  callMinutes: number;
  /** Requests the stack sent the provider while it followed them: dials and status lookups. */
  posts: number;
  lookups: number;
  /** Callbacks the provider posted to the API. */
  callbacks: number;
  /** From a status beginning at the provider to its first copy on the call stream, for each call and status. */
  toStreamMs: number[];
}

/** Dials the numbers at once and follows the calls to their end, as the stack runs: by callbacks or by polling. */
export async function followCalls(stack: Stack, phoneNumbers: string[], timing: CallTiming): Promise<FollowedCalls> {
  const previous = await admin<{ timing: CallTiming }>(stack, 'GET', '/admin/behaviour');
  await admin(stack, 'PUT', '/admin/behaviour', { timing });
  const stream = await CallStream.open(stack.apiUrl, stack.operatorKey);
  try {
    const before = await admin<ProviderStats>(stack, 'GET', '/admin/stats');
    const report = await batch(stack, phoneNumbers);
    const ids = report.rows.flatMap((row) => (row.status === 'created' ? [row.callId] : []));
    const ended = () => ids.every((id) => stream.copiesOf(id).some((copy) => copy.status === 'completed'));
    await eventually(async () => ended(), (done) => done, 3 * 60_000);
    const after = await admin<ProviderStats>(stack, 'GET', '/admin/stats');
    const dials = (await admin<{ items: ProviderCallRecord[] }>(stack, 'GET', '/calls')).items.filter((dial) => phoneNumbers.includes(dial.to));
    const dialledAt = new Map(dials.map((dial) => [dial.to, Date.parse(dial.createdAt)]));
    const numberOf = new Map(ids.map((id, i) => [id, phoneNumbers[i]!]));
    return {
      calls: ids.length,
      callMinutes: dials.reduce((sum, dial) => sum + (Date.parse(dial.endedAt!) - Date.parse(dial.createdAt)), 0) / 60_000,
      posts: after.posts - before.posts,
      lookups: after.lookups - before.lookups,
      callbacks: after.callbacks.sent - before.callbacks.sent,
      toStreamMs: ids.flatMap((id) => toStream(stream, id, dialledAt.get(numberOf.get(id)!)!, timing)),
    };
  } finally {
    stream.close();
    await admin(stack, 'PUT', '/admin/behaviour', { timing: previous.timing });
  }
}

function toStream(stream: CallStream, id: string, dialledAt: number, timing: CallTiming): number[] {
  return Object.entries(statusAt(timing)).flatMap(([status, offset]) => {
    const copy = stream.copiesOf(id).find((candidate) => candidate.status === status);
    return copy ? [copy.receivedAt - (dialledAt + offset)] : [];
  });
}

async function batch(stack: Stack, phoneNumbers: string[]): Promise<CallBatchReport> {
  const response = await new StackClient(stack).api('/api/calls/batch', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', calls: phoneNumbers.map((phoneNumber) => ({ phoneNumber, maxAttempts: 1 })) }),
  });
  if (!response.ok) throw new Error(`the batch answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CallBatchReport;
}

async function admin<T>(stack: Stack, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.providerUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`the provider's ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
