import type { DialLimits, Role } from './accounts';
import type { DefaultCallingWindow } from './calling-window/call-window-request';

/** Who the caller is: `GET /api/auth/me`. */
export interface MeDto {
  account: { id: string; name: string };
  role: Role;
  /** Set for a signed-in user. */
  user: UserDto | null;
  /** Set for a program calling with an API key. */
  apiKey: { id: string; name: string } | null;
}

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  role: Role;
  /** The first characters of the secret, enough to tell keys apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Only the answer to creating a key carries its secret: it is never shown again. */
export interface CreatedApiKeyDto extends ApiKeyDto {
  secret: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface CreateApiKeyRequest {
  name: string;
  role: Role;
}

export type DialLimitsDto = DialLimits;

/** `GET /api/account`, and the answer to changing its settings: the caller's account, its spend cap and its default window. */
export interface AccountDto {
  id: string;
  name: string;
  limits: DialLimitsDto;
  /** The window of its calls that carry none of their own, each on its callee's clock; null: any hour. */
  defaultWindow: DefaultCallingWindow | null;
}
