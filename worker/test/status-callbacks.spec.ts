import type { CallEventType } from '@call-scheduler/shared/workflow';
import { CallHarness, bundleWorkflows, installQuietRuntime } from './support/call-harness';

const NUMBER = {
  inOrder: '+14155550701',
  reversed: '+14155550702',
  lost: '+14155550703',
  noAnswer: '+14155550704',
};
const FALLBACK_POLL_MS = 4_000;
const PROVIDER_STEPS: CallEventType[] = ['ProviderAccepted', 'CallRinging', 'CallAnswered', 'CallCompleted'];

let h: CallHarness;

beforeAll(async () => {
  installQuietRuntime();
  h = await CallHarness.start({
    workflowBundle: await bundleWorkflows(),
    statusCallbacks: { fallbackPollMs: FALLBACK_POLL_MS },
    // The provider's own view stays queued for a minute: whatever a call shows sooner came from the reports.
    behaviour: {
      outcomesByNumber: { [NUMBER.lost]: 'completed', [NUMBER.noAnswer]: 'no_answer' },
      timing: { queuedMs: 60_000, ringingMs: 100, talkMs: 100 },
    },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

async function providerSteps(callId: string): Promise<string[]> {
  const { eventTypes } = await h.projection(callId);
  return eventTypes.filter((type) => PROVIDER_STEPS.includes(type as CallEventType));
}

describe('a call whose dial asked for status callbacks', () => {
  it('is followed by the reported changes alone, without asking the provider', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.inOrder });
    for (const [status, sequence] of [['ringing', 2], ['in_progress', 3], ['completed', 4]] as const) await h.reportStatus(handle, status, sequence);

    expect(await handle.result()).toMatchObject({ status: 'completed' });
    expect(await providerSteps(id)).toEqual(PROVIDER_STEPS);
    expect(h.dialed(NUMBER.inOrder)[0]).toMatchObject({ lookupCount: 0, statusCallbackUrl: expect.stringContaining(`callId=${id}`) });
  });

  it('takes reports that come reversed and twice in the order the provider numbered them, each once', async () => {
    const { id, handle } = await h.startCall({ phoneNumber: NUMBER.reversed });
    for (const [status, sequence] of [['completed', 4], ['in_progress', 3], ['completed', 4], ['queued', 1], ['ringing', 2]] as const) {
      await h.reportStatus(handle, status, sequence);
    }

    expect(await handle.result()).toMatchObject({ status: 'completed' });
    expect(await providerSteps(id)).toEqual(PROVIDER_STEPS);
    expect(h.dialed(NUMBER.reversed)[0]!.lookupCount).toBe(0);
  });

  it('asks the provider itself once the reports have been silent for the fallback, and retries after no answer as ever', async () => {
    h.provider.setBehaviour({ timing: { queuedMs: 100 } });
    const lost = await h.startCall({ phoneNumber: NUMBER.lost });
    const noAnswer = await h.startCall({ phoneNumber: NUMBER.noAnswer, maxAttempts: 2, retryDelaySeconds: 1 });

    expect(await lost.handle.result()).toMatchObject({ status: 'completed' });
    expect(h.dialed(NUMBER.lost)[0]!.lookupCount).toBe(1);
    expect(await noAnswer.handle.result()).toMatchObject({ status: 'no_answer', attempt: 2 });
    expect(h.dialed(NUMBER.noAnswer).map((dial) => dial.lookupCount)).toEqual([1, 1]);
  });
});
