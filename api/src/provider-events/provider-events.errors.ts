/** A status callback that is not the provider's own, or not fresh: refused, and nothing changes. */
export class UnsignedProviderEventError extends Error {
  constructor(problem: string) {
    super(`Not a status callback of the provider: ${problem}`);
  }
}
