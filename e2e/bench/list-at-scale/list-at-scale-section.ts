import { CALL_PAGE_LIMIT, type CallStatus } from '@call-scheduler/shared';
import type { StackClient } from '../../src/support/stack-client';
import type { BenchSection } from '../bench-section';
import { formatLatencyTable, type LatencyRow } from '../latency-table';
import { summarize } from '../percentiles';
import { countCalls, storeCalls } from '../stored-calls';
import { cursorAfter, listPage, type ListQuery } from './call-pages';

/** Ended calls only: the stored ones are history, and none of them is a sleeping call the worker has. */
const STORED_STATUSES: readonly CallStatus[] = ['completed', 'no_answer', 'busy', 'failed', 'cancelled'];
const FILTER: CallStatus = 'completed';
/** How deep in its list the cursor is: nine tenths of the way to the oldest call. */
const DEPTH = 0.9;
const REPEATS = 3;
const TARGET = 'p99 ≤ 20 ms';

interface Variant {
  figure: string;
  query: ListQuery;
}

/**
 * GET /api/calls with many calls stored: calls stored straight into PostgreSQL up to the count asked
 * for, then the first page and a page deep in the list, with and without a status filter, one request
 * at a time.
 */
export const listAtScale: BenchSection = {
  name: 'list-at-scale',
  async run({ client, db, options }) {
    const requests = options.quick ? 20 : 100;
    const toStore = Math.max(0, options.storedCalls - (await countCalls(db)));
    const storing = performance.now();
    await storeCalls(db, toStore, STORED_STATUSES);
    // As autovacuum would soon after, so that the planner knows the table's new size.
    await db.query('ANALYZE calls');
    const storeMs = performance.now() - storing;
    const [stored, filtered] = await Promise.all([countCalls(db), countCalls(db, FILTER)]);
    console.log(`list at scale: stored ${toStore} calls in ${storeMs.toFixed(0)} ms; ${stored} in the account, ${filtered} ${FILTER}`);

    const variants: Variant[] = [
      { figure: 'newest first, first page', query: {} },
      { figure: `newest first, cursor after ${Math.floor(stored * DEPTH)}`, query: { cursor: await cursorAfter(client, undefined, Math.floor(stored * DEPTH)) } },
      { figure: `status=${FILTER}, first page`, query: { status: FILTER } },
      { figure: `status=${FILTER}, cursor after ${Math.floor(filtered * DEPTH)}`, query: { status: FILTER, cursor: await cursorAfter(client, FILTER, Math.floor(filtered * DEPTH)) } },
    ];
    const rows: LatencyRow[] = variants.map((variant) => ({ figure: variant.figure, repeats: [], target: TARGET }));
    // Repeats take turns across the variants, so that whatever else the machine does falls on all of them.
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const [i, variant] of variants.entries()) {
        rows[i] = { ...rows[i]!, repeats: [...rows[i]!.repeats, summarize(await timedPages(client, variant.query, requests))] };
      }
    }
    return {
      text: [
        `GET /api/calls (${CALL_PAGE_LIMIT.default} a page) with ${stored} calls in the account (${filtered} ${FILTER}), one request at a time, from send to body read;`,
        `${REPEATS} repeats of ${requests} requests each, taking turns`,
        formatLatencyTable(rows),
      ].join('\n'),
      figures: { stored, filtered, storedNow: toStore, storeMs, requestsPerRepeat: requests, latencies: rows },
      failures: [],
    };
  },
};

/** `count` requests for the same page, one after another; each must be a full page. */
async function timedPages(client: StackClient, query: ListQuery, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const { page, ms } = await listPage(client, query);
    if (page.items.length !== CALL_PAGE_LIMIT.default) throw new Error(`GET /api/calls ${JSON.stringify(query)} gave ${page.items.length} calls, not a full page`);
    times.push(ms);
  }
  return times;
}
