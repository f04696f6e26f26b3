import type { LookupStep } from '@call-scheduler/mock-provider';
import { CallHarness, TEST_LOST_AFTER_MS, bundleWorkflows, installQuietRuntime } from './support/call-harness';
import { eventually } from './support/eventually';

/** One number per scenario, so each scenario's provider script and provider calls are its own. */
const NUMBER = {
  keyRotated: '+14155550201',
  lookupsFalter: '+14155550202',
  providerSilent: '+14155550203',
  answersLost: '+14155550204',
};

/** Two dozen failed lookups, two between each answered one, while the call is in progress. */
const FALTERING_LOOKUPS: LookupStep[] = ([401, 404, 403, 408, 429, 500, 502, 'timeout', 503, 504, 409, 503] as const).flatMap((error) => [
  error,
  error,
  'answer' as const,
]);

describe('a call while the provider falters', () => {
  let h: CallHarness;

  beforeAll(async () => {
    installQuietRuntime();
    h = await CallHarness.start({
      workflowBundle: await bundleWorkflows(),
      behaviour: {
        failAfterAccept: true,
        timeoutMs: 5_000,
        // Long enough that every scripted lookup falls while the call is in progress.
        timing: { queuedMs: 100, ringingMs: 100, talkMs: 8_000 },
        createErrorsByNumber: {
          [NUMBER.keyRotated]: [401, 403, 404, 408],
          // The held dial's POST, the dial's four tries (TEST_DIAL_RETRY), and one more: all dialled, all answers lost.
          [NUMBER.answersLost]: [503, 503, 503, 503, 503, 503],
        },
        lookupErrorsByNumber: {
          [NUMBER.lookupsFalter]: FALTERING_LOOKUPS,
          [NUMBER.providerSilent]: Array.from({ length: 1_000 }, () => 503),
        },
      },
      maxCachedWorkflows: 0,
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('dials again after a 401, 403, 404 and 408 (a key being rotated, a provider restarting) and dials once', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.keyRotated });

    const state = await handle.result();

    expect(state).toMatchObject({ status: 'completed', attempt: 1, lastError: null });
    expect(h.dialed(NUMBER.keyRotated)).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, postCount: 5, status: 'completed' })]);
  });

  it('asks again with the same key about a dial whose retries ran out unanswered, and follows the call it finds', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.answersLost });

    const state = await handle.result();

    expect(state).toMatchObject({ status: 'completed', attempt: 1, lastError: null });
    expect(h.dialed(NUMBER.answersLost)).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, postCount: 7, status: 'completed' })]);
    const { eventTypes } = await h.projection(id);
    expect(eventTypes.slice(0, 4)).toEqual(['CallScheduled', 'DialAttemptStarted', 'DialOutcomeUnknown', 'ProviderAccepted']);
    expect(eventTypes.at(-1)).toBe('CallCompleted');
  });

  it('follows a call to its end through two dozen failed status lookups, timeouts and 4xx among them', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.lookupsFalter });

    const state = await handle.result();

    expect(state).toMatchObject({ status: 'completed', attempt: 1, lastError: null });
    expect(h.dialed(NUMBER.lookupsFalter)).toEqual([expect.objectContaining({ idempotencyKey: `${id}:1`, postCount: 1 })]);
    const { eventTypes } = await h.projection(id);
    expect(eventTypes).not.toContain('CallFailed');
  });

  it('gives a call up as lost only once the provider has said nothing about it for the bound', async () => {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.providerSilent });
    const startedAt = Date.now();

    const state = await handle.result();

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TEST_LOST_AFTER_MS);
    expect(state).toMatchObject({ status: 'failed', attempt: 1 });
    expect(state.lastError).toMatch(/^Lost track of the call: .*has not answered about the call for \d+ s/);
    expect(h.dialed(NUMBER.providerSilent)).toHaveLength(1);
  });

  it('leaves histories that replay from scratch', async () => {
    const results = await h.replayEveryWorkflow();
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
  });
});

describe('calls in progress on a worker with two activity slots', () => {
  const TALKING = ['+14155550211', '+14155550212', '+14155550213'];
  const DUE = '+14155550214';
  let h: CallHarness;

  beforeAll(async () => {
    installQuietRuntime();
    h = await CallHarness.start({
      workflowBundle: await bundleWorkflows(),
      behaviour: { timing: { queuedMs: 100, ringingMs: 100, talkMs: 30_000 } },
      maxConcurrentActivities: 2,
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('dials a due call at once while more conversations than slots are followed', async () => {
    const talking = await Promise.all(TALKING.map((phoneNumber) => h.startCall({ phoneNumber })));
    for (const { id } of talking) await eventually(() => h.calls.findById(id), (call) => call?.status === 'in_progress', 15_000);

    const dueAt = Date.now();
    const due = await h.startCall({ phoneNumber: DUE });

    const [dialled] = await eventually(async () => h.dialed(DUE), (calls) => calls.length === 1);
    expect(Date.parse(dialled!.createdAt) - dueAt).toBeLessThan(5_000);
    await eventually(() => h.calls.findById(due.id), (call) => call?.status === 'in_progress');
    expect(h.provider.calls().filter((call) => TALKING.includes(call.to)).map((call) => call.status)).toEqual(TALKING.map(() => 'in_progress'));
  });
});
