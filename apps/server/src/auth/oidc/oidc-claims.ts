import type { Role } from '@lagebild/core';
import type { OidcConfig } from './oidc-config.ts';
import { SignInRefused } from './oidc-refusal.ts';

/** What Lagebild takes from the claims of one sign-in. */
export interface ClaimedProfile {
  login: string;
  displayName: string;
  roles: Role[];
  /** undefined: no organisation claim configured, so the user's organisation is left alone. */
  organisationId?: string | null;
}

type Claims = Record<string, unknown>;

/**
 * Maps the claims of an ID token (merged with the userinfo answer) to login, name, roles and
 * organisation. The roles are the union of the mapped groups', else the default roles; a user with
 * neither is refused, so nobody signs in without a role someone granted on purpose.
 */
export function profileFromClaims(claims: Claims, config: OidcConfig): ClaimedProfile {
  const login = text(claim(claims, config.loginClaim)) ?? text(claims.email);
  if (!login) throw new SignInRefused('NoLogin', { claim: config.loginClaim });
  const groups = values(claim(claims, config.groupsClaim));
  const mapped = groups.flatMap((group) => config.roleMapping.get(group) ?? []);
  const roles = [...new Set(mapped.length > 0 ? mapped : config.defaultRoles)].sort();
  if (roles.length === 0)
    throw new SignInRefused('NoMappedRole', { claim: config.groupsClaim, groups: describeGroups(groups) });
  const profile: ClaimedProfile = { login, displayName: text(claims.name) ?? login, roles };
  if (config.organisationClaim) profile.organisationId = organisationOf(claims, config);
  return profile;
}

/** A claim by name; dots step into objects (Keycloak's `realm_access.roles`), unless the name itself exists. */
export function claim(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  let current: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Claims)[part];
  }
  return current;
}

function organisationOf(claims: Claims, config: OidcConfig): string | null {
  const found = values(claim(claims, config.organisationClaim!));
  if (config.organisationMapping.size === 0) return found[0] ?? null;
  for (const value of found) {
    const id = config.organisationMapping.get(value);
    if (id) return id;
  }
  return null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A claim as a list of strings: a JSON array, or one string. */
function values(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

function describeGroups(groups: string[]): string {
  if (groups.length === 0) return '—';
  const shown = groups.slice(0, 10).join(', ');
  return groups.length > 10 ? `${shown}, … (${groups.length})` : shown;
}
