import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

// `Algorithm` is an ambient const enum, which isolated modules cannot read: Argon2id is 2.
const ARGON2ID = 2 as Algorithm;

/** OWASP's recommended Argon2id parameters: 19 MiB, two passes, one lane. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * The password hash of users created by single sign-on: not an Argon2 hash, so no password ever
 * verifies against it. Such users sign in only through their identity provider.
 */
export const NO_LOCAL_PASSWORD = '!no-local-password';

/** False for a wrong password or a hash that is not a valid Argon2 hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // Costs the time of a real verification, so the answer time does not tell such logins apart.
  if (passwordHash === NO_LOCAL_PASSWORD) return verifyDecoy(password);
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the login is unknown, so that an unknown login
 * costs as much time as a wrong password and the answer time does not tell whether a login exists.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

async function verifyDecoy(password: string): Promise<false> {
  await verify(await decoyHash(), password).catch(() => false);
  return false;
}

/** Why a password is refused, for people; null when the policy accepts it. */
export function passwordProblem(login: string, password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (lower === login.trim().toLowerCase()) return 'The password must not be the login.';
  if (COMMON_PASSWORDS.has(lower)) return 'This password is too common; choose another one.';
  if (new Set(password).size < 4) return 'The password repeats too few different characters.';
  return null;
}
