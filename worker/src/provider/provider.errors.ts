/** The provider answered with an error status. */
export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly retryAfterMs: number | null,
  ) {
    super(`provider answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'ProviderHttpError';
  }

  /** A 4xx other than 429 means the request itself is wrong: sending it again cannot help. */
  get isPermanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

/** The provider could not be reached, or did not answer in time. */
export class ProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
  }
}
