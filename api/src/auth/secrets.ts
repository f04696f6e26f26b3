import { API_KEY_PREFIX } from '@call-scheduler/shared';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Characters of a key's secret kept in clear, to find its row and to tell keys apart in a list. */
const KEY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/** A random token for a session or a sign-in link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored of a token or key: SHA-256, not a password hash. The secrets are 256 random bits,
 * so a slow hash would add nothing but latency to every request.
 */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function newApiKeySecret(): { secret: string; prefix: string } {
  const secret = `${API_KEY_PREFIX}${newToken()}`;
  return { secret, prefix: apiKeyPrefix(secret) };
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, KEY_PREFIX_LENGTH);
}

export function looksLikeApiKey(secret: string): boolean {
  return secret.startsWith(API_KEY_PREFIX) && secret.length > KEY_PREFIX_LENGTH;
}

/** Compares in constant time, so the time taken tells nothing about how much of a guess was right. */
export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const hash = hashSecret(secret);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}
