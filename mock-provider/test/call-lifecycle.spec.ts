import request from 'supertest';
import type { MockProvider, MockProviderOptions } from '../src';
import { FakeClock, T0, randomSequence, startTestProvider } from './provider-harness';

// Default timing: queued 0..500ms, ringing 500..2000ms, talking 2000..4000ms.
const at = (ms: number): string => new Date(T0 + ms).toISOString();

type Step = [elapsedMs: number, status: string, startedAt: string | null, endedAt: string | null, durationSeconds: number];

describe('call status over time', () => {
  let provider: MockProvider;
  let clock: FakeClock;

  async function start(options: MockProviderOptions): Promise<void> {
    clock = new FakeClock();
    provider = await startTestProvider({ now: clock.now, ...options });
  }
  afterEach(() => provider.close());

  async function expectProgression(steps: Step[]): Promise<void> {
    clock.advanceTo(0);
    const { body } = await request(provider.url).post('/calls').send({ to: '+14155550123', idempotencyKey: 'k1' }).expect(201);
    for (const [elapsedMs, status, startedAt, endedAt, durationSeconds] of steps) {
      clock.advanceTo(elapsedMs);
      const res = await request(provider.url).get(`/calls/${body.id}`).expect(200);
      expect({ elapsedMs, ...res.body }).toEqual({ elapsedMs, id: body.id, to: '+14155550123', status, startedAt, endedAt, durationSeconds });
    }
  }

  it('walks a completed call through queued, ringing and in_progress to completed', async () => {
    await start({ behaviour: { outcomes: { completed: 1 } } });

    await expectProgression([
      [0, 'queued', null, null, 0],
      [499, 'queued', null, null, 0],
      [500, 'ringing', null, null, 0],
      [1999, 'ringing', null, null, 0],
      [2000, 'in_progress', at(2000), null, 0],
      [3000, 'in_progress', at(2000), null, 1],
      [4000, 'completed', at(2000), at(4000), 2],
      [60_000, 'completed', at(2000), at(4000), 2],
    ]);
  });

  it('ends an unanswered call as no_answer once ringing stops', async () => {
    await start({ behaviour: { outcomes: { no_answer: 1 } } });

    await expectProgression([
      [0, 'queued', null, null, 0],
      [500, 'ringing', null, null, 0],
      [1999, 'ringing', null, null, 0],
      [2000, 'no_answer', null, at(2000), 0],
    ]);
  });

  it('ends a busy call as busy right after queued, without ringing', async () => {
    await start({ behaviour: { outcomes: { busy: 1 } } });

    await expectProgression([
      [499, 'queued', null, null, 0],
      [500, 'busy', null, at(500), 0],
      [5000, 'busy', null, at(500), 0],
    ]);
  });

  it('fails a call straight from queued when the dice say so', async () => {
    await start({ behaviour: { outcomes: { failed: 1 } }, random: () => 0.1 });

    await expectProgression([
      [499, 'queued', null, null, 0],
      [500, 'failed', null, at(500), 0],
    ]);
  });

  it('fails a call while ringing when the dice say so', async () => {
    await start({ behaviour: { outcomes: { failed: 1 } }, random: () => 0.9 });

    await expectProgression([
      [500, 'ringing', null, null, 0],
      [2000, 'failed', null, at(2000), 0],
    ]);
  });

  it('follows custom timing', async () => {
    await start({ behaviour: { outcomes: { completed: 1 }, timing: { queuedMs: 10, ringingMs: 20, talkMs: 3500 } } });

    await expectProgression([
      [10, 'ringing', null, null, 0],
      [30, 'in_progress', at(30), null, 0],
      [3530, 'completed', at(30), at(3530), 4],
    ]);
  });

  it('keeps the timing a call was created with when the behaviour changes later', async () => {
    await start({ behaviour: { outcomes: { completed: 1 } } });
    const { body } = await request(provider.url).post('/calls').send({ to: '+14155550123', idempotencyKey: 'before' }).expect(201);
    provider.setBehaviour({ timing: { queuedMs: 10_000 }, outcomes: { busy: 1 } });

    clock.advanceTo(2000);
    const res = await request(provider.url).get(`/calls/${body.id}`).expect(200);

    expect(res.body.status).toBe('in_progress');
  });

  it('mixes outcomes by weight using the injected random function', async () => {
    // Weights completed 1 + busy 1: a draw below 0.5 is completed, from 0.5 on busy.
    await start({ behaviour: { outcomes: { completed: 1, busy: 1 } }, random: randomSequence(0.49, 0.5, 0.99) });

    for (const key of ['a', 'b', 'c']) {
      await request(provider.url).post('/calls').send({ to: '+14155550123', idempotencyKey: key }).expect(201);
    }

    expect(provider.calls().map((call) => call.plannedOutcome)).toEqual(['completed', 'busy', 'busy']);
  });

  it('plays outcomesByNumber in order for new calls, repeating the last, untouched by retries', async () => {
    await start({
      behaviour: { outcomes: { completed: 1 }, outcomesByNumber: { '+14155550123': ['no_answer', 'busy', 'completed'] } },
    });
    const post = (to: string, idempotencyKey: string) => request(provider.url).post('/calls').send({ to, idempotencyKey }).expect(201);

    await post('+14155550123', 'first');
    await post('+14155550123', 'first');
    await post('+442071234567', 'other-number');
    await post('+14155550123', 'second');
    await post('+14155550123', 'third');
    await post('+14155550123', 'fourth');

    expect(provider.calls().map((call) => [call.idempotencyKey, call.plannedOutcome])).toEqual([
      ['first', 'no_answer'],
      ['other-number', 'completed'],
      ['second', 'busy'],
      ['third', 'completed'],
      ['fourth', 'completed'],
    ]);
    clock.advanceTo(10_000);
    const statuses = (await request(provider.url).get('/calls').expect(200)).body.items.map((call: { status: string }) => call.status);
    expect(statuses).toEqual(['no_answer', 'completed', 'busy', 'completed', 'completed']);
  });

  it('accepts a single outcome for a number', async () => {
    await start({ behaviour: { outcomesByNumber: { '+14155550123': 'busy' } } });

    await expectProgression([[500, 'busy', null, at(500), 0]]);
  });
});
