const PERMANENT_STATUSES = new Set([400, 422]);

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

  /**
   * Only a request the provider read and refused (400, 422) can never succeed. Other answers pass: a 401 or
   * 403 from a key being rotated, a 404 from a provider that lost a call's record in a restart, a 408, a 409.
   */
  get isPermanent(): boolean {
    return PERMANENT_STATUSES.has(this.status);
  }
}

/** The provider could not be reached, or did not answer in time. */
export class ProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
  }
}
