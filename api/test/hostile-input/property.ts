import fc from 'fast-check';

/** Generated cases run, by test: the spec prints them. */
export const casesRun = new Map<string, number>();

/**
 * Checks a property with fast-check on `numRuns` inputs, the examples first. A failure reports the seed, the path and the
 * smallest input found; `FC_SEED=<seed> FC_PATH=<path> npx jest test/hostile-input.spec.ts -t '<test>'`
 * replays it.
 */
export async function checkProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  { numRuns, examples = [] }: { numRuns: number; examples?: NoInfer<T>[] },
): Promise<void> {
  await fc.assert(fc.asyncProperty(arbitrary, predicate), { numRuns, examples: examples.map((example) => [example] as [T]), ...replay() });
  casesRun.set(expect.getState().currentTestName ?? 'unnamed', numRuns);
}

function replay(): Pick<fc.Parameters, 'seed' | 'path'> {
  const { FC_SEED: seed, FC_PATH: path } = process.env;
  return { ...(seed ? { seed: Number(seed) } : {}), ...(path ? { path } : {}) };
}
