import { temporal } from '@temporalio/proto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallHarness, bundleWorkflows, installQuietRuntime, type StartedCall } from './support/call-harness';
import { eventually } from './support/eventually';

const EventType = temporal.api.enums.v1.EventType;

const NUMBER = { held: '+14155550401', talking: '+14155550402' };
/** How long the followed call talks: it is in progress when its worker is stopped, and ends later. */
const TALK_MS = 8_000;
/**
 * How long the provider takes to answer: the held dial's POST is still in flight when its worker is stopped,
 * and a status lookup is answered within the test workers' lookup timeout (0.5 s).
 */
const PROVIDER_LATENCY_MS = 400;

let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  h = await CallHarness.start({ workflowBundle: await bundleWorkflows(), behaviour: { latencyMs: PROVIDER_LATENCY_MS, timing: { queuedMs: 100, ringingMs: 100, talkMs: TALK_MS } } });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

/** The events in the call's history that say a task was left to time out. */
async function timeouts({ handle }: StartedCall): Promise<string[]> {
  const history = await handle.fetchHistory();
  const timedOut = [EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT, EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT];
  return (history.events ?? []).filter((event) => timedOut.includes(event.eventType ?? 0)).map((event) => String(EventType[event.eventType ?? 0]));
}

describe('a worker stopped with SIGTERM', () => {
  it('finishes the dial it has sent, hands back the call it follows, and leaves no task to time out', async () => {
    const { held, talking, stoppedInMs } = await h.whileNoWorkerRuns(async () => {
      const stopping = await h.startWorkerProcess();
      const talking = await h.startCall({ phoneNumber: NUMBER.talking });
      await eventually(() => h.calls.findById(talking.id), (call) => call?.status === 'in_progress', 20_000);
      const held = await h.startCall({ phoneNumber: NUMBER.held, inMs: 6_000, dialLeadMs: 5_000 });
      await h.untilDialHeld(held.handle);
      await sleep(Date.parse(held.input.call.scheduledAt) + 100 - Date.now());
      const stopAt = Date.now();
      await stopping.stop();
      return { held, talking, stoppedInMs: Date.now() - stopAt };
    });

    expect(stoppedInMs).toBeLessThan(PROVIDER_LATENCY_MS + 2_000);
    expect(await held.handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
    const [dial, ...more] = h.dialed(NUMBER.held);
    expect(more).toEqual([]);
    expect(dial).toMatchObject({ postCount: 1 });
    const lateMs = Date.parse(dial!.createdAt) - Date.parse(held.input.call.scheduledAt);
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(1_000);

    expect(await talking.handle.result()).toMatchObject({ status: 'completed', attempt: 1 });
    const [followed] = h.dialed(NUMBER.talking);
    const recorded = await h.calls.findById(talking.id);
    expect(Date.parse(recorded!.updatedAt) - Date.parse(followed!.endedAt!)).toBeLessThan(PROVIDER_LATENCY_MS + 2_000);

    expect([...(await timeouts(held)), ...(await timeouts(talking))]).toEqual([]);
  }, 60_000);
});
