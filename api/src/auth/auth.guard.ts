import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { PUBLIC_ROUTE, REQUIRED_ROLE, type RoleRequirement } from './access.decorators';
import { CrossSiteRequestError, ForbiddenForRoleError, NotSignedInError } from './auth.errors';
import { AuthService } from './auth.service';
import { bearerToken, sessionToken } from './credentials';
import { OriginPolicy } from './origin-policy';
import type { AuthenticatedRequest, Principal } from './principal';

/**
 * Runs before every route: finds who is calling (API key first, then session cookie), refuses
 * cross-site requests made with the cookie, and checks the route's role requirement. Routes are
 * closed unless marked @Public(), so a route added later cannot forget to ask.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly origins: OriginPolicy;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.origins = new OriginPolicy(config.webOrigins);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    if (principal.via === 'session' && !this.origins.allows(request)) throw new CrossSiteRequestError();
    const requirement = this.reflector.getAllAndOverride<RoleRequirement | undefined>(REQUIRED_ROLE, targets);
    if (requirement && !requirement.allows(principal.role)) throw new ForbiddenForRoleError(requirement.refusal);
    request.principal = principal;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    const key = bearerToken(request);
    if (key) return this.auth.byApiKey(key);
    const session = sessionToken(request);
    const principal = session ? await this.auth.bySession(session) : null;
    if (!principal) throw new NotSignedInError(session ? 'Your session has ended: sign in again' : undefined);
    return principal;
  }
}
