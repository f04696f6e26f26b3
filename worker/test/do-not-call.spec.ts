import { callStateQuery } from '@call-scheduler/shared/workflow';
import { CallHarness, bundleWorkflows, installQuietRuntime } from './support/call-harness';
import { eventually } from './support/eventually';

const NUMBER = {
  listedWhileWaiting: '+14155550601',
  listedBetweenAttempts: '+14155550602',
  listedForAnotherAccount: '+14155550603',
  free: '+14155550604',
};

let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  h = await CallHarness.start({
    workflowBundle: await bundleWorkflows(),
    behaviour: { outcomesByNumber: { [NUMBER.listedBetweenAttempts]: 'busy' } },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe("a number on the account's do-not-call list, checked at the claim just before each dial", () => {
  it('ends a call that waited for it blocked, undialled, and gives its place in the spend cap back', async () => {
    const accountId = await h.createAccount({ dialsPerHour: 10, dialsPerDay: 10, maxConcurrentCalls: 1 });
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.listedWhileWaiting, inMs: 2_500, accountId });
    await h.untilSleeping(id);
    await h.listAsDoNotCall(NUMBER.listedWhileWaiting, accountId);

    const state = await handle.result();
    expect(state).toMatchObject({ status: 'blocked', attempt: 0, lastError: `${NUMBER.listedWhileWaiting} is on the account's do-not-call list` });
    expect((await h.projection(id)).eventTypes).toEqual(['CallScheduled', 'CallBlocked']);
    expect(h.dialed(NUMBER.listedWhileWaiting)).toEqual([]);
    const next = await h.startCall({ phoneNumber: NUMBER.free, accountId });
    expect((await next.handle.result()).status).toBe('completed');
    expect((await h.projection(next.id)).eventTypes).not.toContain('DialHeldByLimit');
  });

  it('stops a call between its attempts: dialled once, then blocked instead of the retry', async () => {
    const { handle } = await h.startCall({ phoneNumber: NUMBER.listedBetweenAttempts, maxAttempts: 3, retryDelaySeconds: 3 });
    await eventually(() => handle.query(callStateQuery), (state) => state.status === 'busy');
    await h.listAsDoNotCall(NUMBER.listedBetweenAttempts);

    expect(await handle.result()).toMatchObject({ status: 'blocked', attempt: 1 });
    expect(h.dialed(NUMBER.listedBetweenAttempts)).toHaveLength(1);
  });

  it("dials a number another account listed", async () => {
    await h.listAsDoNotCall(NUMBER.listedForAnotherAccount, await h.createAccount({ dialsPerHour: 10, dialsPerDay: 10, maxConcurrentCalls: 10 }));
    const { handle } = await h.startCall({ phoneNumber: NUMBER.listedForAnotherAccount });
    expect((await handle.result()).status).not.toBe('blocked');
    expect(h.dialed(NUMBER.listedForAnotherAccount)).toHaveLength(1);
  });
});
