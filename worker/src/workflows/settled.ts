/**
 * What a promise came to, as fields the workflow can read inside `condition()`. A promise settled
 * by an activation is read only after the whole activation has been applied, so what the workflow
 * decides does not depend on the order in which the SDK hands it the activation's jobs.
 */
export class Settled<T> {
  private outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;

  constructor(promise: Promise<T>) {
    promise.then(
      (value) => (this.outcome = { ok: true, value }),
      (error: unknown) => (this.outcome = { ok: false, error }),
    );
  }

  get done(): boolean {
    return this.outcome !== null;
  }

  get fulfilled(): boolean {
    return this.outcome?.ok === true;
  }

  /** The value, or the error thrown; only once done. */
  result(): T {
    if (this.outcome === null) throw new Error('The promise has not settled yet');
    if (!this.outcome.ok) throw this.outcome.error;
    return this.outcome.value;
  }
}
