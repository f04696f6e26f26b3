import type { ScheduleDto } from '@call-scheduler/shared';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, TEMPORAL_UI_URL, UUID_PATTERN, eventually, fromNow, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;
const made: string[] = [];

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(async () => {
  await Promise.allSettled(made.map((id) => harness.api().delete(`/api/schedules/${id}`)));
  await harness?.close();
});

const WEEKDAYS_AT_NINE = { timeZone: 'America/Chicago', cron: '0 9 * * mon-fri' };

async function createSchedule(body: Record<string, unknown>): Promise<ScheduleDto> {
  const response = await harness.api().post('/api/schedules').send({ phoneNumber: uniquePhoneNumber(), ...body });
  if (response.status !== 201) throw new Error(`creating a schedule answered ${response.status}: ${JSON.stringify(response.body)}`);
  made.push(response.body.id);
  return response.body as ScheduleDto;
}

describe('POST /api/schedules', () => {
  it('makes a Temporal Schedule and answers it with its next five run times, as Temporal plans them', async () => {
    const schedule = await createSchedule({ ...WEEKDAYS_AT_NINE, note: 'Daily check-in', maxAttempts: 2 });

    expect(schedule).toMatchObject({
      id: expect.stringMatching(UUID_PATTERN),
      accountId: harness.account.id,
      cron: '0 9 * * mon-fri',
      intervalSeconds: null,
      timeZone: 'America/Chicago',
      note: 'Daily check-in',
      maxAttempts: 2,
      window: null,
      paused: false,
      recentRuns: [],
      temporalUiUrl: `${TEMPORAL_UI_URL}/namespaces/default/schedules/schedule-${schedule.id}`,
    });
    expect(schedule.nextRunTimes).toHaveLength(5);
    for (const at of schedule.nextRunTimes) {
      const chicago = new Date(at).toLocaleString('en-US', { timeZone: 'America/Chicago', weekday: 'short', hour: 'numeric', hour12: false });
      expect(chicago).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 09$/);
    }
  });

  it.each([
    ['cron', { timeZone: 'UTC' }],
    ['cron', { timeZone: 'UTC', cron: '0 9 * *' }],
    ['cron', { timeZone: 'UTC', cron: '0 9 * * *', intervalSeconds: 3_600 }],
    ['intervalSeconds', { timeZone: 'UTC', intervalSeconds: 10 }],
    ['timeZone', { cron: '0 9 * * *', timeZone: 'Mars/Olympus' }],
    ['endAt', { ...WEEKDAYS_AT_NINE, endAt: '2020-01-01T00:00:00Z' }],
    ['window.timeZone', { ...WEEKDAYS_AT_NINE, window: { timeZone: 'Nowhere', days: ['mon'], from: '08:00', to: '09:00' } }],
  ])('answers 400 naming %s, and makes no schedule', async (field, body) => {
    const before = (await harness.api().get('/api/schedules')).body.length;
    expectFieldError(await harness.api().post('/api/schedules').send({ phoneNumber: uniquePhoneNumber(), ...body }), 400, field);
    expect((await harness.api().get('/api/schedules')).body).toHaveLength(before);
  });

  it("reads its calling window in the schedule's zone unless the window names another", async () => {
    const schedule = await createSchedule({ ...WEEKDAYS_AT_NINE, window: { days: ['mon', 'tue'], from: '08:00', to: '12:00' } });
    expect(schedule.window).toEqual({ timeZone: 'America/Chicago', days: ['mon', 'tue'], from: '08:00', to: '12:00' });
  });
});

describe('a schedule of recurring calls', () => {
  it('runs now when triggered, making an ordinary call that the schedule lists', async () => {
    const schedule = await createSchedule({ timeZone: 'UTC', intervalSeconds: 24 * 3_600, paused: true });
    expect(schedule.nextRunTimes).toEqual([]);

    const triggered = await harness.api().post(`/api/schedules/${schedule.id}/trigger`);
    expect(triggered.status).toBe(200);

    const ran = await eventually(
      async () => (await harness.api().get(`/api/schedules/${schedule.id}`)).body as ScheduleDto,
      (described) => described.recentRuns.length === 1,
    );
    const [run] = ran.recentRuns;
    // The run's call has no row until its workflow writes its first event.
    const { body: call } = await eventually(
      () => harness.api().get(`/api/calls/${run!.callId}`),
      (response) => response.body.status === 'completed',
    );
    expect(call).toMatchObject({ id: run!.callId, scheduleId: schedule.id, phoneNumber: schedule.phoneNumber });
    const listed = await eventually(
      async () => (await harness.api().get(`/api/schedules/${schedule.id}`)).body as ScheduleDto,
      (described) => described.recentRuns[0]?.callStatus === 'completed',
    );
    expect(listed.recentRuns).toEqual([{ ...run, callStatus: 'completed' }]);
  });

  it('pauses, resumes, changes and is deleted', async () => {
    const schedule = await createSchedule(WEEKDAYS_AT_NINE);

    const paused = await harness.api().post(`/api/schedules/${schedule.id}/pause`);
    expect(paused.body).toMatchObject({ paused: true, nextRunTimes: [] });
    const resumed = await harness.api().post(`/api/schedules/${schedule.id}/resume`);
    expect(resumed.body).toMatchObject({ paused: false });
    expect(resumed.body.nextRunTimes).toHaveLength(5);

    const changed = await harness.api().patch(`/api/schedules/${schedule.id}`).send({ intervalSeconds: 7_200, note: 'Every two hours' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ cron: null, intervalSeconds: 7_200, note: 'Every two hours', phoneNumber: schedule.phoneNumber });
    const gaps = changed.body.nextRunTimes.slice(1).map((at: string, i: number) => Date.parse(at) - Date.parse(changed.body.nextRunTimes[i]));
    expect(new Set(gaps)).toEqual(new Set([2 * HOUR]));

    expect((await harness.api().delete(`/api/schedules/${schedule.id}`)).status).toBe(204);
    expect((await harness.api().get(`/api/schedules/${schedule.id}`)).status).toBe(404);
    expect((await harness.api().get('/api/schedules')).body.map((s: ScheduleDto) => s.id)).not.toContain(schedule.id);
  });

  it("is another account's business: 404, and not listed", async () => {
    const schedule = await createSchedule(WEEKDAYS_AT_NINE);
    const other = harness.api((await harness.newAccount('Other')).keys.admin.secret);

    expect((await other.get(`/api/schedules/${schedule.id}`)).status).toBe(404);
    expect((await other.post(`/api/schedules/${schedule.id}/trigger`)).status).toBe(404);
    expect((await other.delete(`/api/schedules/${schedule.id}`)).status).toBe(404);
    expect((await other.get('/api/schedules')).body).toEqual([]);
  });

  it('is read by viewers, changed only by operators', async () => {
    const schedule = await createSchedule(WEEKDAYS_AT_NINE);
    const viewer = harness.api(harness.account.keys.viewer.secret);

    expect((await viewer.get(`/api/schedules/${schedule.id}`)).status).toBe(200);
    expect((await viewer.post(`/api/schedules/${schedule.id}/pause`)).status).toBe(403);
    expect((await viewer.post('/api/schedules').send({ phoneNumber: uniquePhoneNumber(), ...WEEKDAYS_AT_NINE, startAt: fromNow(HOUR) })).status).toBe(403);
  });
});
