import type { SoakSize } from '../chaos-options';
import { soakPlan } from './soak-plan';

const size: SoakSize = {
  calls: 10,
  createWindowMs: 50_000,
  aheadMs: 20_000,
  aheadJitterMs: 5_000,
  workerKillEveryMs: { min: 5_000, max: 8_000 },
  apiKills: 2,
  settleTimeoutMs: 60_000,
};

describe('the crash soak plan', () => {
  it('creates the calls at an even pace, through the two APIs in turn, each under a key and a number of its own', () => {
    const { calls } = soakPlan(size, 'run1', () => 0.5);
    expect(calls.map((call) => call.sendAtMs)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000]);
    expect(calls.map((call) => call.api)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(10);
    expect(new Set(calls.map((call) => call.phoneNumber)).size).toBe(10);
    expect(calls.every((call) => call.aheadMs === 22_500)).toBe(true);
  });

  it('kills an API, then Temporal, then PostgreSQL, then the other API, one at a time over the window', () => {
    expect(soakPlan(size, 'run1').oneOffFaults).toEqual([
      { kind: 'api', api: 0, atMs: 10_000 },
      { kind: 'temporal', atMs: 20_000 },
      { kind: 'postgres', atMs: 30_000 },
      { kind: 'api', api: 1, atMs: 40_000 },
    ]);
    expect(soakPlan({ ...size, apiKills: 1 }, 'run1').oneOffFaults.map((fault) => fault.kind)).toEqual(['api', 'temporal', 'postgres']);
  });

  it('kills workers from just before the first call is due until the last one is', () => {
    const plan = soakPlan(size, 'run1', () => 0);
    expect(plan.due).toEqual({ fromMs: 20_000, untilMs: 65_000 });
    expect(plan.workerChaos).toEqual({ fromMs: 15_000, untilMs: 65_000 });
  });
});
