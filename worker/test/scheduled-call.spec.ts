import { SCHEDULED_CALL_WORKFLOW_TYPE, scheduledRunWorkflowIdPrefix } from '@call-scheduler/shared/workflow';
import { callIdForScheduledRun } from '@call-scheduler/shared';
import { ScheduleOverlapPolicy, type ScheduleHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { CallHarness, TEST_TIMING, bundleWorkflows, installQuietRuntime } from './support/call-harness';
import { eventually } from './support/eventually';

const NUMBER = { run: '+14155550701', firedTwice: '+14155550702', overlapping: '+14155550703' };

let h: CallHarness;
const schedules: ScheduleHandle[] = [];

beforeAll(async () => {
  installQuietRuntime();
  h = await CallHarness.start({ workflowBundle: await bundleWorkflows(), behaviour: { timing: { ...TEST_TIMING, talkMs: 4_000 } } });
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(schedules.map((schedule) => schedule.delete()));
  await h?.close();
});

/** A Temporal schedule that would run hourly, paused: each run comes from trigger(). */
async function hourlySchedule(phoneNumber: string): Promise<{ scheduleId: string; schedule: ScheduleHandle }> {
  const scheduleId = randomUUID();
  const schedule = await h.client.schedule.create({
    scheduleId: `schedule-${scheduleId}`,
    spec: { intervals: [{ every: '1 hour' }] },
    action: {
      type: 'startWorkflow',
      workflowType: SCHEDULED_CALL_WORKFLOW_TYPE,
      workflowId: scheduledRunWorkflowIdPrefix(scheduleId),
      taskQueue: h.taskQueue,
      args: [h.scheduledRunInput(scheduleId, phoneNumber)],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
    state: { paused: true },
  });
  schedules.push(schedule);
  return { scheduleId, schedule };
}

/** As the API triggers a run: under the schedule's own overlap policy, which the SDK's trigger would otherwise set aside. */
function runNow(schedule: ScheduleHandle): Promise<void> {
  return schedule.trigger(ScheduleOverlapPolicy.SKIP);
}

async function runsOf(schedule: ScheduleHandle, count: number) {
  const { info } = await eventually(() => schedule.describe(), (description) => description.info.recentActions.length >= count);
  return info.recentActions.map((action) => action.action.workflow.workflowId);
}

describe('a run of a schedule of recurring calls', () => {
  it('makes an ordinary call, due now, whose id comes from the run, and ends when the call does', async () => {
    const { scheduleId, schedule } = await hourlySchedule(NUMBER.run);
    await runNow(schedule);

    const [runWorkflowId] = await runsOf(schedule, 1);
    expect(runWorkflowId).toMatch(new RegExp(`^${scheduledRunWorkflowIdPrefix(scheduleId)}-`));
    const callId = await h.client.workflow.getHandle(runWorkflowId!).result();
    expect(callId).toBe(callIdForScheduledRun(runWorkflowId!));

    const call = await h.calls.findById(callId);
    expect(call).toMatchObject({ status: 'completed', scheduleId, phoneNumber: NUMBER.run, note: 'Weekly check-in', accountId: h.accountId });
    expect(await h.calls.findBySchedule(scheduleId, 5)).toEqual([call]);
  });

  it('makes one call when the engine fires the same run twice', async () => {
    const scheduleId = randomUUID();
    const fire = async () => (await h.startScheduledRun(scheduleId, NUMBER.firedTwice)).result();

    const first = await fire();
    const second = await fire();

    expect(second).toBe(first);
    expect(h.dialed(NUMBER.firedTwice)).toHaveLength(1);
    expect(await h.calls.findBySchedule(scheduleId, 5)).toHaveLength(1);
  });

  it('is skipped while the previous run\'s call is still in progress (overlap policy skip)', async () => {
    const { scheduleId, schedule } = await hourlySchedule(NUMBER.overlapping);
    await runNow(schedule);
    await eventually(() => h.calls.findBySchedule(scheduleId, 5), (calls) => calls.some((call) => call.status === 'in_progress'));

    await runNow(schedule);

    const { info } = await eventually(() => schedule.describe(), (description) => description.info.numActionsSkippedOverlap === 1);
    expect(info.recentActions).toHaveLength(1);
    await eventually(() => h.calls.findBySchedule(scheduleId, 5), (calls) => calls[0]?.status === 'completed');
    expect(h.dialed(NUMBER.overlapping)).toHaveLength(1);
  });
});
