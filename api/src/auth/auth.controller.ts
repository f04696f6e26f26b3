import { EXPIRED_SIGN_IN_LINK_PARAM, type MeDto } from '@call-scheduler/shared';
import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiSeeOtherResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccountsService } from '../accounts/accounts.service';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { ApiErrorResponse } from '../errors/api-error.response';
import { Public } from './access.decorators';
import { CrossSiteRequestError, NotSignedInError } from './auth.errors';
import { AuthService } from './auth.service';
import { clearSessionCookie, sessionToken, setSessionCookie } from './credentials';
import { MeResponse } from './dto/me.response';
import { SignInDto } from './dto/sign-in.dto';
import { OriginPolicy } from './origin-policy';
import { CurrentPrincipal, type Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly origins: OriginPolicy;

  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AccountsService) private readonly accounts: AccountsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.origins = new OriginPolicy(config.webOrigins);
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOkResponse({ type: MeResponse, description: 'Signed in: the session cookie is set' })
  @ApiUnauthorizedResponse({ type: ApiErrorResponse, description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ type: ApiErrorResponse, description: 'Too many failed attempts: wait for Retry-After seconds' })
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MeDto> {
    // A foreign page must not sign a visitor's browser into another account either.
    if (this.origins.refusesSignIn(request)) throw new CrossSiteRequestError();
    const { token, principal } = await this.auth.signIn(body.email, body.password, request.ip ?? 'unknown');
    setSessionCookie(request, response, token, this.config.sessionTtlMs);
    return this.accounts.me(principal);
  }

  /** The link `npm start` and `npm run accounts -- sign-in-link` print: it signs the browser in and opens the web app. */
  @Public()
  @Get('link')
  @ApiSeeOtherResponse({
    description: `Signed in: the session cookie is set, and the browser goes to the web app. A link that has expired or was used already goes to the web app's sign-in page, with \`?${EXPIRED_SIGN_IN_LINK_PARAM}\` so it can say so.`,
  })
  async signInWithLink(@Query('token') linkToken: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const token = await this.auth.signInWithLink(String(linkToken ?? '')).catch((error: unknown) => {
      if (error instanceof NotSignedInError) return null;
      throw error;
    });
    if (token === null) return response.redirect(303, `/?${EXPIRED_SIGN_IN_LINK_PARAM}`);
    setSessionCookie(request, response, token, this.config.sessionTtlMs);
    response.redirect(303, '/');
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'The session has ended, on the server too' })
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionToken(request);
    if (token) await this.auth.signOut(token);
    clearSessionCookie(request, response);
  }

  @Get('me')
  @ApiOkResponse({ type: MeResponse, description: 'Who the session or API key belongs to' })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.accounts.me(principal);
  }
}
