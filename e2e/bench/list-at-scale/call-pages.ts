import { CALL_PAGE_LIMIT, type CallPageDto, type CallStatus } from '@call-scheduler/shared';
import type { StackClient } from '../../src/support/stack-client';

export interface ListQuery {
  status?: CallStatus;
  cursor?: string;
  limit?: number;
}

/** One page of GET /api/calls, and how long from the send until its body was read. */
export async function listPage(client: StackClient, query: ListQuery): Promise<{ page: CallPageDto; ms: number }> {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([name, value]) => [name, String(value)]));
  const sent = performance.now();
  const response = await client.api(`/api/calls?${params}`);
  const body = await response.text();
  const ms = performance.now() - sent;
  if (response.status !== 200) throw new Error(`GET /api/calls?${params} answered ${response.status}: ${body}`);
  return { page: JSON.parse(body) as CallPageDto, ms };
}

/** The nextCursor the API hands out after the first `depth` calls of the list, read in pages of the most it gives. */
export async function cursorAfter(client: StackClient, status: CallStatus | undefined, depth: number): Promise<string> {
  let cursor: string | undefined;
  for (let read = 0; read < depth; ) {
    const { page } = await listPage(client, { status, cursor, limit: Math.min(CALL_PAGE_LIMIT.max, depth - read) });
    if (!page.nextCursor) throw new Error(`the list${status ? ` of ${status} calls` : ''} ended after ${read + page.items.length} calls, before ${depth}`);
    cursor = page.nextCursor;
    read += page.items.length;
  }
  return cursor!;
}
