/** Sending stopped part way; `results` holds what the server made of the rows sent before, in order. */
export class ImportStoppedError<Result> extends Error {
  constructor(
    readonly results: Result[],
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ImportStoppedError';
  }
}

/**
 * Sends `rows` `size` at a time, a request after another, so that progress can be shown: the chunks' results, in
 * order, are the results of all. The first chunk to fail stops the rest (ImportStoppedError).
 */
export async function sendInChunks<Row, Result>(
  rows: Row[],
  size: number,
  sendChunk: (chunk: Row[], index: number) => Promise<Result[]>,
  onProgress: (sent: number) => void,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < rows.length; start += size) {
    try {
      results.push(...(await sendChunk(rows.slice(start, start + size), start / size)));
    } catch (error) {
      throw new ImportStoppedError(results, error);
    }
    onProgress(Math.min(start + size, rows.length));
  }
  return results;
}
