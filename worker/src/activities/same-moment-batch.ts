interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers what is asked in the same moment (before the event loop moves on) and answers it all with one call
 * of `run`, which answers the inputs in their order: a burst of activities costs PostgreSQL one statement or
 * transaction, not one each.
 */
export class SameMomentBatch<I, O> {
  private pending: Pending<I, O>[] = [];

  constructor(private readonly run: (inputs: I[]) => Promise<O[]>) {}

  ask(input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ input, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const outputs = await this.run(batch.map((pending) => pending.input));
      batch.forEach((pending, i) => pending.resolve(outputs[i]!));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
