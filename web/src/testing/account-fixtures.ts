import type { ApiKeyDto, MeDto, Role, UserDto } from '@call-scheduler/shared';

/** Ada Lovelace, signed in to Acme Ltd with `role`. */
export function makeMe(role: Role = 'operator'): MeDto {
  return { account: { id: 'account-1', name: 'Acme Ltd' }, role, user: makeUser({ role }), apiKey: null };
}

export function makeUser(overrides: Partial<UserDto> = {}): UserDto {
  return { id: 'user-1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'admin', createdAt: '2026-11-20T09:00:00.000Z', ...overrides };
}

export function makeApiKey(overrides: Partial<ApiKeyDto> = {}): ApiKeyDto {
  return {
    id: 'key-1',
    name: 'ci-bot',
    role: 'operator',
    prefix: 'csk_ab12',
    createdAt: '2026-11-20T09:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}
