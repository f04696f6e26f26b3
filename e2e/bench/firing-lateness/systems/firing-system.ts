/** One number to dial, with the idempotency key a system's own dial sends (the project makes its own). */
export interface BenchCall {
  phoneNumber: string;
  idempotencyKey: string;
}

/** A way to have calls dialled at an instant: this project, or what someone might use instead. */
export interface FiringSystem {
  readonly name: string;
  /** Three digits of its own, so that rounds of different systems never dial the same number. */
  readonly areaCode: string;
  /** Arranges for each call to reach the provider at `dueAt`; resolves once all are scheduled. */
  schedule(calls: readonly BenchCall[], dueAt: Date): Promise<void>;
  stop(): Promise<void>;
}
