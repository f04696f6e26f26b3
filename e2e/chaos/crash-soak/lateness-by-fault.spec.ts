import type { Fault } from './fault-log';
import { latenessByFault, latestDials } from './lateness-by-fault';

const startedAt = 1_000_000;
const dial = (callId: string, dueAtMs: number, latenessMs: number) => ({ callId, dueAt: startedAt + dueAtMs, latenessMs });
const faults: Fault[] = [
  { kind: 'temporal', target: 'temporal', killedAtMs: 10_000, backAtMs: 13_000 },
  { kind: 'worker', target: 'worker-2', killedAtMs: 19_500, backAtMs: 21_000 },
  { kind: 'postgres', target: 'postgres', killedAtMs: 40_000, backAtMs: 42_000 },
];

describe('lateness by fault', () => {
  it('counts each call under the last process killed before it was due, until 20 s after that one came back', () => {
    const dials = [dial('before', 9_000, 5), dial('t1', 11_000, 2_000), dial('t2', 30_000, 100), dial('quiet', 36_000, 7), dial('p1', 41_000, 900)];
    expect(latenessByFault(dials, faults, startedAt)).toEqual([
      { fault: 'temporal', killedAtMs: 10_000, backAtMs: 13_000, lateness: expect.objectContaining({ count: 2, max: 2_000 }) },
      { fault: 'postgres', killedAtMs: 40_000, backAtMs: 42_000, lateness: expect.objectContaining({ count: 1, max: 900 }) },
    ]);
  });

  it("lists the latest dials first, each with the faults and its workflow's timeouts from 15 s before it was due until its dial", () => {
    const dials = [dial('prompt', 5_000, 10), dial('late', 20_000, 12_000)];
    const delays = new Map([['late', [{ at: startedAt + 31_000, what: 'placeCallWhenDue heartbeat timeout' }, { at: startedAt + 33_000, what: 'after its dial' }]]]);
    expect(latestDials(dials, faults, delays, startedAt)[0]).toEqual({
      callId: 'late',
      dueAtMs: 20_000,
      latenessMs: 12_000,
      meanwhile: ['−10.0 s temporal killed', '−0.5 s worker-2 killed', '+11.0 s placeCallWhenDue heartbeat timeout'],
    });
  });
});
