import { fanOut } from './fan-out';

describe('stream fan-out', () => {
  it("times each client's copy, and each change until the last client had it", () => {
    const deliveries = [
      { writtenAt: 1_000, arrivals: [1_030, 1_045, 1_032] },
      { writtenAt: 2_000, arrivals: [2_050, 2_040, 2_041] },
    ];
    expect(fanOut(deliveries)).toEqual({ eachMs: [30, 45, 32, 50, 40, 41], allMs: [45, 50], missed: 0 });
  });

  it('counts a copy that never came, and leaves its change out of the time to reach them all', () => {
    expect(fanOut([{ writtenAt: 1_000, arrivals: [1_030, undefined] }])).toEqual({ eachMs: [30], allMs: [], missed: 1 });
  });
});
