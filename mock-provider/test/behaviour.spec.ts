import { applyBehaviourPatch, behaviourFromEnv, DEFAULT_BEHAVIOUR, InvalidBehaviourError } from '../src/behaviour';

describe('behaviourFromEnv', () => {
  it.each([undefined, '', '  '])('uses the defaults when MOCK_PROVIDER_BEHAVIOUR is %j', (raw) => {
    expect(behaviourFromEnv(raw)).toEqual(DEFAULT_BEHAVIOUR);
  });

  it('merges the JSON over the defaults', () => {
    const behaviour = behaviourFromEnv('{"failureRate":0.2,"timing":{"talkMs":100},"outcomesByNumber":{"+14155550123":["busy"]}}');

    expect(behaviour).toEqual({
      ...DEFAULT_BEHAVIOUR,
      failureRate: 0.2,
      timing: { ...DEFAULT_BEHAVIOUR.timing, talkMs: 100 },
      outcomesByNumber: { '+14155550123': ['busy'] },
    });
  });

  it('says plainly when the JSON does not parse', () => {
    expect(() => behaviourFromEnv('{failureRate: 1}')).toThrow(/^MOCK_PROVIDER_BEHAVIOUR is not valid JSON: /);
  });

  it('reads the statusCallbacks faults', () => {
    const behaviour = behaviourFromEnv('{"statusCallbacks":{"lossRate":0.1,"delayMs":{"min":100,"max":5000}}}');

    expect(behaviour.statusCallbacks).toEqual({ lossRate: 0.1, duplicateRate: 0, delayMs: { min: 100, max: 5000 }, enabled: true });
  });

  it('names the offending field', () => {
    expect(() => behaviourFromEnv('{"timeoutRate": 3}')).toThrow(
      expect.objectContaining({ name: 'InvalidBehaviourError', field: 'timeoutRate', message: expect.stringMatching(/^MOCK_PROVIDER_BEHAVIOUR is invalid: timeoutRate: /) }),
    );
  });
});

describe('applyBehaviourPatch', () => {
  it('leaves fields given as undefined untouched', () => {
    const behaviour = applyBehaviourPatch(DEFAULT_BEHAVIOUR, { latencyMs: undefined, timing: { talkMs: undefined, queuedMs: 1 } });

    expect(behaviour).toEqual({ ...DEFAULT_BEHAVIOUR, timing: { ...DEFAULT_BEHAVIOUR.timing, queuedMs: 1 } });
  });

  it('merges statusCallbacks field by field, replacing delayMs whole', () => {
    const faulty = applyBehaviourPatch(DEFAULT_BEHAVIOUR, { statusCallbacks: { duplicateRate: 0.5, delayMs: { min: 10, max: 20 } } });

    const behaviour = applyBehaviourPatch(faulty, { statusCallbacks: { enabled: false, delayMs: { min: 0, max: 5 } } });

    expect(behaviour.statusCallbacks).toEqual({ lossRate: 0, duplicateRate: 0.5, delayMs: { min: 0, max: 5 }, enabled: false });
  });

  it('does not mutate the behaviour it patches', () => {
    const before = structuredClone(DEFAULT_BEHAVIOUR);

    applyBehaviourPatch(DEFAULT_BEHAVIOUR, { timing: { talkMs: 1 }, failureRate: 1 });

    expect(DEFAULT_BEHAVIOUR).toEqual(before);
  });

  it('throws InvalidBehaviourError naming the field', () => {
    expect(() => applyBehaviourPatch(DEFAULT_BEHAVIOUR, { timing: { queuedMs: -5 } })).toThrow(InvalidBehaviourError);
    expect(() => applyBehaviourPatch(DEFAULT_BEHAVIOUR, { timing: { queuedMs: -5 } })).toThrow(/^timing\.queuedMs: /);
  });
});
