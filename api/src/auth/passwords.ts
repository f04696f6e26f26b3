import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Hashed once at start-up: verifying against it for an unknown email takes as long as for a known one. */
const UNKNOWN_USER_HASH = hash('not a password of anyone');

/** Whether the password is the one hashed; a missing hash still costs a verification, so timing tells nothing. */
export async function passwordMatches(password: string, passwordHash: string | null): Promise<boolean> {
  const matches = await verify(passwordHash ?? (await UNKNOWN_USER_HASH), password).catch(() => false);
  return passwordHash !== null && matches;
}
