import type { CallDto } from '@call-scheduler/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiHarness, HOUR, SECOND, eventually, fromNow, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start({ worker: false });
});

afterAll(() => harness?.close());

describe('calls created and commanded while no worker is running', () => {
  it('takes each command once the worker is back, as if it had been there all along', async () => {
    const dueNow = await harness.createCall({ phoneNumber: uniquePhoneNumber() });
    const later = await harness.createCall({ phoneNumber: uniquePhoneNumber(), scheduledAt: fromNow(HOUR) });
    const newTime = fromNow(2 * HOUR);

    // The commands wait on workflows nobody runs yet; the worker arrives while they wait.
    const [cancel, reschedule] = await Promise.all([
      harness.api().post(`/api/calls/${dueNow.id}/cancel`),
      harness.api().patch(`/api/calls/${later.id}`).send({ scheduledAt: newTime }),
      sleep(0.5 * SECOND).then(() => harness.startWorker()),
    ]);

    expect(cancel.status).toBe(200);
    expect((cancel.body as CallDto).status).toBe('cancelled');
    expect(reschedule.status).toBe(200);
    expect((reschedule.body as CallDto).scheduledAt).toBe(newTime);
    const cancelled = await eventually(() => harness.getCall(dueNow.id), (call) => call.events.length === 2);
    const rescheduled = await eventually(() => harness.getCall(later.id), (call) => call.events.length === 2);
    expect(cancelled).toMatchObject({ status: 'cancelled', events: [{ type: 'CallScheduled' }, { type: 'CallCancelled' }] });
    expect(rescheduled).toMatchObject({ status: 'scheduled', scheduledAt: newTime, events: [{ type: 'CallScheduled' }, { type: 'CallRescheduled' }] });
    expect(harness.dialsTo(dueNow.phoneNumber)).toEqual([]);
  });
});
