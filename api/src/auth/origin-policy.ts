import type { Request } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The cross-site request check for requests the browser authenticates on its own (the session
 * cookie): a request that changes anything must come from an allowed origin, as its `Origin`
 * header says (or, without one, its `Sec-Fetch-Site`). Browsers set both and pages cannot forge
 * them, so no token has to travel with every form and stream.
 */
export class OriginPolicy {
  private readonly allowed: Set<string>;

  constructor(origins: string[]) {
    this.allowed = new Set(origins);
  }

  allows(request: Request): boolean {
    if (SAFE_METHODS.has(request.method)) return true;
    const origin = request.headers.origin;
    if (origin) return this.allowed.has(origin) || origin === ownOrigin(request);
    return request.headers['sec-fetch-site'] === 'same-origin';
  }

  /**
   * For signing in, which needs no cookie: refused only when a browser says the request is
   * cross-site, so a foreign page cannot sign a visitor into another account; curl may sign in.
   */
  refusesSignIn(request: Request): boolean {
    const browserSaysCrossSite = request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined;
    return browserSaysCrossSite && !this.allows(request);
  }
}

function ownOrigin(request: Request): string {
  return `${request.protocol}://${request.get('host')}`;
}
