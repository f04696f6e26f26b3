import type { CookieOptions, Request, Response } from 'express';

/** The web app's session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites' requests do not carry it). */
export const SESSION_COOKIE = 'cs_session';

export function sessionToken(request: Request): string | undefined {
  const token: unknown = request.cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token ? token : undefined;
}

/** The key of an `Authorization: Bearer <key>` header; undefined without one. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

export function setSessionCookie(request: Request, response: Response, token: string, ttlMs: number): void {
  response.cookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: ttlMs });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

function cookieOptions(request: Request): CookieOptions {
  // Secure whenever the request came over HTTPS (behind a proxy: with TRUST_PROXY set, from X-Forwarded-Proto).
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' };
}
