import type { Actor, Role } from '@call-scheduler/shared';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who a request acts for, once the AuthGuard has checked its session cookie or API key. */
export interface Principal {
  accountId: string;
  role: Role;
  actor: Actor;
  /** A session cookie is sent by the browser on its own, so only it needs the cross-site check; a key is not. */
  via: 'session' | 'key';
}

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The request's principal: every route the AuthGuard lets through without @Public() has one. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!principal) throw new Error('No principal on the request: is the route @Public()?');
  return principal;
});
