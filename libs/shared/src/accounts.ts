/** What a user or API key may do in its account. */
export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Operators and admins act on calls; viewers only read. */
export function canActOnCalls(role: Role): boolean {
  return role !== 'viewer';
}

/** Only admins manage users, keys and the account's limits. */
export function canManageAccount(role: Role): boolean {
  return role === 'admin';
}

/** Who asked for a change: a signed-in user or a program with an API key. Changes the service makes itself have none. */
export type Actor = {
  kind: 'user' | 'key';
  id: string;
  name: string;
};

/** An account's spend cap: dials per rolling hour and per rolling day, and calls in progress at once. */
export interface DialLimits {
  dialsPerHour: number;
  dialsPerDay: number;
  maxConcurrentCalls: number;
}

export const DIAL_LIMIT_BOUNDS = {
  dialsPerHour: { min: 0, max: 1_000_000 },
  dialsPerDay: { min: 0, max: 10_000_000 },
  maxConcurrentCalls: { min: 0, max: 100_000 },
} as const satisfies Record<keyof DialLimits, { min: number; max: number }>;

/** A new account's limits until an admin changes them. */
export const DEFAULT_DIAL_LIMITS: DialLimits = { dialsPerHour: 200, dialsPerDay: 2_000, maxConcurrentCalls: 20 };

/**
 * How long a dial's reservation counts as a call in progress if nothing releases it (a run terminated by
 * hand never does): far longer than any call; placing one gives up within minutes, following one after 4 hours.
 */
export const DIAL_RESERVATION_LEASE_MS = 6 * 60 * 60_000;

/** API key secrets start with this, so a leaked one is recognisable (and scannable) as ours. */
export const API_KEY_PREFIX = 'csk_';

export const PASSWORD_MIN_LENGTH = 12;

/** The query parameter the API's sign-in link adds when it sends a browser to the web app with a link that no longer works. */
export const EXPIRED_SIGN_IN_LINK_PARAM = 'expired-sign-in-link';
