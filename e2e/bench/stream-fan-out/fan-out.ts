/** One change written to PostgreSQL, and when its copy reached each client (undefined: never). */
export interface Delivery {
  writtenAt: number;
  arrivals: readonly (number | undefined)[];
}

export interface FanOut {
  /** From each write to each client's copy of it. */
  eachMs: number[];
  /** From each write to the last client's copy, for the changes every client got. */
  allMs: number[];
  /** Copies that never came. */
  missed: number;
}

export function fanOut(deliveries: readonly Delivery[]): FanOut {
  const eachMs: number[] = [];
  const allMs: number[] = [];
  let missed = 0;
  for (const { writtenAt, arrivals } of deliveries) {
    const arrived = arrivals.filter((arrival): arrival is number => arrival !== undefined);
    missed += arrivals.length - arrived.length;
    eachMs.push(...arrived.map((arrival) => arrival - writtenAt));
    if (arrived.length === arrivals.length && arrived.length > 0) allMs.push(Math.max(...arrived) - writtenAt);
  }
  return { eachMs, allMs, missed };
}
