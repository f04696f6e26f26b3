import { createRatio, perSecond } from './create-rates';

describe('create rates', () => {
  it('counts creates per second from the first send to the last answer', () => {
    expect(perSecond({ system: 'this project', calls: 200, elapsedMs: 4_000 })).toBe(50);
  });

  it("compares the medians of the project's and bare Temporal's rounds", () => {
    const round = (system: string, elapsedMs: number) => ({ system, calls: 1_000, elapsedMs });
    const project = [round('p', 20_000), round('p', 10_000), round('p', 25_000)];
    const bare = [round('b', 5_000), round('b', 4_000), round('b', 50_000)];
    expect(createRatio(project, bare)).toBe(0.25);
  });
});
