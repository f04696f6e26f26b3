import { signStatusCallback } from '@call-scheduler/mock-provider';
import type { CallDetailDto } from '@call-scheduler/shared';
import { ApiHarness, eventually, uniquePhoneNumber } from './api-harness';

const FALLBACK_POLL_MS = 1_500;
const TIMING = { queuedMs: 200, ringingMs: 300, talkMs: 300 };

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start({ statusCallbacks: { fallbackPollMs: FALLBACK_POLL_MS } });
});

afterEach(() => {
  harness.provider.setBehaviour({ statusCallbacks: { lossRate: 0, duplicateRate: 0, delayMs: { min: 0, max: 0 }, enabled: true }, timing: TIMING });
});

afterAll(async () => {
  await harness?.close();
});

const PROVIDER_STEPS = ['ProviderAccepted', 'CallRinging', 'CallAnswered', 'CallCompleted'];

function providerSteps(call: CallDetailDto): string[] {
  return call.events.map((event) => event.type).filter((type) => PROVIDER_STEPS.includes(type));
}

async function completedCall(): Promise<{ call: CallDetailDto; lookups: number }> {
  const phoneNumber = uniquePhoneNumber();
  const created = await harness.createCall({ phoneNumber });
  const call = await harness.waitForStatus(created.id, 'completed', 30_000);
  const [dial] = harness.dialsTo(phoneNumber);
  return { call, lookups: dial!.lookupCount };
}

function post(callId: string, body: string, headers: Record<string, string>) {
  return harness.anonymous().post(`/api/provider/events?callId=${callId}`).set('content-type', 'application/json').set(headers).send(body);
}

describe('status callbacks from the provider', () => {
  it('take a call through every status with no lookup at all while they arrive', async () => {
    harness.provider.setBehaviour({ timing: TIMING });
    const { call, lookups } = await completedCall();
    expect(providerSteps(call)).toEqual(PROVIDER_STEPS);
    expect(lookups).toBe(0);
  });

  it('are taken in the order the provider numbered them, each once, however they come: reversed and twice over', async () => {
    harness.provider.setBehaviour({ timing: { queuedMs: 60_000 }, statusCallbacks: { enabled: false } });
    const created = await harness.createCall({ phoneNumber: uniquePhoneNumber() });
    const { externalCallId } = await eventually(() => harness.getCall(created.id), (call) => call.externalCallId !== null);
    const change = (status: string, sequence: number) => {
      const body = JSON.stringify({ id: externalCallId, status, sequence, occurredAt: new Date().toISOString(), ...(sequence === 4 ? { durationSeconds: 12 } : {}) });
      return post(created.id, body, signStatusCallback(harness.webhookSecret!, body, Date.now()));
    };
    for (const [status, sequence] of [['completed', 4], ['completed', 4], ['in_progress', 3], ['ringing', 2], ['ringing', 2]] as const) {
      expect((await change(status, sequence)).status).toBe(204);
    }

    const completed = await harness.waitForStatus(created.id, 'completed');
    expect(providerSteps(completed)).toEqual(PROVIDER_STEPS);
    expect(completed.events.at(-1)?.data).toEqual({ durationSeconds: 12 });
  });

  it('change nothing when the provider sends them late and twice: each status at most once, the call completed', async () => {
    harness.provider.setBehaviour({ timing: TIMING, statusCallbacks: { duplicateRate: 1, delayMs: { min: 0, max: 600 } } });
    for (let i = 0; i < 3; i++) {
      const { call, lookups } = await completedCall();
      expect(providerSteps(call)).toEqual(PROVIDER_STEPS);
      expect(lookups).toBe(0);
    }
  });

  it('are not waited for longer than the fallback: with every one lost, the call is looked up and still completes', async () => {
    harness.provider.setBehaviour({ timing: TIMING, statusCallbacks: { lossRate: 1 } });
    const started = Date.now();
    const { call, lookups } = await completedCall();
    expect(call.status).toBe('completed');
    expect(lookups).toBeGreaterThanOrEqual(1);
    expect(lookups).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / FALLBACK_POLL_MS) + 1);
  });

  it('are refused with 403 when forged, replayed late, unsigned or signed over another body, and change nothing', async () => {
    harness.provider.setBehaviour({ timing: { queuedMs: 60_000 } });
    const phoneNumber = uniquePhoneNumber();
    const created = await harness.createCall({ phoneNumber });
    const accepted = await eventually(() => harness.getCall(created.id), (call) => call.externalCallId !== null);
    const body = JSON.stringify({ id: accepted.externalCallId, status: 'completed', sequence: 4, occurredAt: new Date().toISOString(), durationSeconds: 30, to: phoneNumber });
    const secret = harness.webhookSecret!;
    const fresh = signStatusCallback(secret, body, Date.now());
    const refusals = [
      post(created.id, body, signStatusCallback('not the secret', body, Date.now())),
      post(created.id, body, signStatusCallback(secret, body, Date.now() - 10 * 60_000)),
      post(created.id, body, signStatusCallback(secret, body, Date.now() + 10 * 60_000)),
      post(created.id, body.replace('"completed"', '"failed"'), fresh),
      post(created.id, body, {}),
      post(created.id, body, { 'X-Provider-Timestamp': fresh['X-Provider-Timestamp'], 'X-Provider-Signature': fresh['X-Provider-Signature'].toUpperCase() }),
    ];
    for (const response of await Promise.all(refusals)) {
      expect({ status: response.status, message: response.body.message }).toEqual({ status: 403, message: expect.stringContaining('Not a status callback of the provider') });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(providerSteps(await harness.getCall(created.id))).toEqual(['ProviderAccepted']);

    const signed = await post(created.id, body, fresh);
    expect(signed.status).toBe(204);
    const completed = await harness.waitForStatus(created.id, 'completed');
    expect(completed.events.find((event) => event.type === 'CallCompleted')?.data).toEqual({ durationSeconds: 30 });
  });

  it('are refused with 400 naming what is wrong when signed but unreadable, and answered 204 for a call that has ended', async () => {
    const secret = harness.webhookSecret!;
    const unreadable = '{"id":"x","status":"dancing","sequence":1,"occurredAt":"2026-12-02T10:00:00Z"}';
    const refused = await post('6f1c1a52-3c1e-4f57-9d8e-3f7e1f1d2a10', unreadable, signStatusCallback(secret, unreadable, Date.now()));
    expect({ status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'status' });
    const badCall = await post('not-a-uuid', unreadable, signStatusCallback(secret, unreadable, Date.now()));
    expect({ status: badCall.status, field: badCall.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'callId' });

    const { call } = await completedCall();
    const late = JSON.stringify({ id: call.externalCallId, status: 'failed', sequence: 9, occurredAt: new Date().toISOString() });
    expect((await post(call.id, late, signStatusCallback(secret, late, Date.now()))).status).toBe(204);
    expect((await harness.getCall(call.id)).status).toBe('completed');
  });
});
