import { canManageAccount, type AccountDto, type ApiKeyDto, type CreatedApiKeyDto, type UserDto } from '@call-scheduler/shared';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/access.decorators';
import { ApiKeyResponse, UserResponse } from '../auth/dto/me.response';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { InvalidCallInputError } from '../calls/call.errors';
import { ApiErrorResponse } from '../errors/api-error.response';
import { AccountsService } from './accounts.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { AccountResponse, DefaultCallingWindowDto, DialLimitsDto } from './dto/dial-limits.dto';

const ADMINS_ONLY = { allows: canManageAccount, refusal: 'Only admins manage the account, its users and its keys' };

class CreatedApiKeyResponse extends ApiKeyResponse implements CreatedApiKeyDto {
  @ApiProperty({ example: 'csk_…', description: 'The key itself: shown this once, never again' }) secret!: string;
}

const KeyId = () => new ParseUUIDPipe({ exceptionFactory: () => new InvalidCallInputError('id', 'must be a UUID') });

/** The caller's own account. Reading it is open to every role; changing it, and listing its people and keys, to admins. */
@ApiTags('account')
@Controller('account')
@ApiForbiddenResponse({ type: ApiErrorResponse, description: ADMINS_ONLY.refusal })
export class AccountsController {
  constructor(@Inject(AccountsService) private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: AccountResponse })
  account(@CurrentPrincipal() { accountId }: Principal): Promise<AccountDto> {
    return this.accounts.account(accountId);
  }

  @Put('limits')
  @Requires(ADMINS_ONLY)
  @ApiOkResponse({ type: AccountResponse, description: 'The spend cap is changed; calls waiting for room get it as soon as they look again' })
  setLimits(@CurrentPrincipal() { accountId }: Principal, @Body() limits: DialLimitsDto): Promise<AccountDto> {
    return this.accounts.setLimits(accountId, { ...limits });
  }

  @Put('default-window')
  @Requires(ADMINS_ONLY)
  @ApiOkResponse({ type: AccountResponse, description: "Calls created from now on without a window of their own keep this one, on their callee's clock" })
  setDefaultWindow(@CurrentPrincipal() { accountId }: Principal, @Body() { days, from, to }: DefaultCallingWindowDto): Promise<AccountDto> {
    return this.accounts.setDefaultWindow(accountId, { days, from, to });
  }

  @Delete('default-window')
  @Requires(ADMINS_ONLY)
  @ApiOkResponse({ type: AccountResponse, description: 'Calls created from now on without a window of their own ring at any hour' })
  clearDefaultWindow(@CurrentPrincipal() { accountId }: Principal): Promise<AccountDto> {
    return this.accounts.setDefaultWindow(accountId, null);
  }

  @Get('users')
  @Requires(ADMINS_ONLY)
  @ApiOkResponse({ type: [UserResponse] })
  users(@CurrentPrincipal() { accountId }: Principal): Promise<UserDto[]> {
    return this.accounts.users(accountId);
  }

  @Post('users')
  @Requires(ADMINS_ONLY)
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'A user with that email exists' })
  createUser(@CurrentPrincipal() { accountId }: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.accounts.createUser(accountId, body);
  }

  @Get('api-keys')
  @Requires(ADMINS_ONLY)
  @ApiOkResponse({ type: [ApiKeyResponse] })
  apiKeys(@CurrentPrincipal() { accountId }: Principal): Promise<ApiKeyDto[]> {
    return this.accounts.apiKeys(accountId);
  }

  @Post('api-keys')
  @Requires(ADMINS_ONLY)
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, description: 'The key, with its secret shown this once' })
  createApiKey(@CurrentPrincipal() { accountId }: Principal, @Body() { name, role }: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.accounts.createApiKey(accountId, name, role);
  }

  @Post('api-keys/:id/revoke')
  @HttpCode(200)
  @Requires(ADMINS_ONLY)
  @ApiOkResponse({ type: ApiKeyResponse, description: 'Revoked: the key is refused from now on, by every API process' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  revokeApiKey(@CurrentPrincipal() { accountId }: Principal, @Param('id', KeyId()) id: string): Promise<ApiKeyDto> {
    return this.accounts.revokeApiKey(accountId, id);
  }
}
