import { AccountRepository, type Account, type ApiKey, type User } from '@call-scheduler/db';
import { defaultCallingWindowProblems, type AccountDto, type ApiKeyDto, type CreatedApiKeyDto, type DefaultCallingWindow, type DialLimits, type MeDto, type Role, type UserDto } from '@call-scheduler/shared';
import { InvalidCallInputError } from '../calls/call.errors';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AccountAdmin } from './account-admin';
import { ApiKeyNotFoundError } from './account.errors';

/** The caller's own account: who they are, its limits, its users and its keys. Nothing here reaches another account. */
@Injectable()
export class AccountsService {
  constructor(
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(AccountAdmin) private readonly admin: AccountAdmin,
  ) {}

  async me({ accountId, role, actor }: Principal): Promise<MeDto> {
    const { id, name } = await this.account(accountId);
    const user = actor.kind === 'user' ? await this.accounts.findUser(actor.id) : null;
    return {
      account: { id, name },
      role,
      user: user ? userDto(user) : null,
      apiKey: actor.kind === 'key' ? { id: actor.id, name: actor.name } : null,
    };
  }

  async account(accountId: string): Promise<AccountDto> {
    const account = await this.accounts.findAccount(accountId);
    if (!account) throw new Error(`The caller's account ${accountId} is gone`);
    return view(account);
  }

  async setLimits(accountId: string, limits: DialLimits): Promise<AccountDto> {
    const account = await this.accounts.setLimits(accountId, limits);
    if (!account) throw new Error(`The caller's account ${accountId} is gone`);
    return view(account);
  }

  async setDefaultWindow(accountId: string, window: DefaultCallingWindow | null): Promise<AccountDto> {
    const [problem] = window ? defaultCallingWindowProblems(window) : [];
    if (problem) throw new InvalidCallInputError(problem.field, problem.message.slice(problem.field.length + 1));
    const account = await this.accounts.setDefaultWindow(accountId, window);
    if (!account) throw new Error(`The caller's account ${accountId} is gone`);
    return view(account);
  }

  async users(accountId: string): Promise<UserDto[]> {
    return (await this.accounts.listUsers(accountId)).map(userDto);
  }

  async createUser(accountId: string, request: { email: string; name: string; role: Role; password: string }): Promise<UserDto> {
    return userDto(await this.admin.createUser({ accountId, ...request }));
  }

  async apiKeys(accountId: string): Promise<ApiKeyDto[]> {
    return (await this.accounts.listApiKeys(accountId)).map(apiKeyDto);
  }

  async createApiKey(accountId: string, name: string, role: Role): Promise<CreatedApiKeyDto> {
    const { key, secret } = await this.admin.createApiKey(accountId, name, role);
    return { ...apiKeyDto(key), secret };
  }

  async revokeApiKey(accountId: string, id: string): Promise<ApiKeyDto> {
    const key = await this.accounts.revokeApiKey(accountId, id);
    if (!key) throw new ApiKeyNotFoundError(id);
    return apiKeyDto(key);
  }
}

function view({ id, name, limits, defaultWindow }: Account): AccountDto {
  return { id, name, limits, defaultWindow };
}

export function userDto({ id, email, name, role, createdAt }: User): UserDto {
  return { id, email, name, role, createdAt };
}

export function apiKeyDto({ id, name, role, prefix, createdAt, lastUsedAt, revokedAt }: ApiKey): ApiKeyDto {
  return { id, name, role, prefix, createdAt, lastUsedAt, revokedAt };
}
