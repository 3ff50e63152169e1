import { isRole, ROLES, type Role } from '@lagebild/core';
import { SETTINGS, type Settings } from '../../settings.ts';

/** What happens at the first sign-in of an identity that is linked to no user yet. */
export type OidcUserPolicy = 'create' | 'link' | 'existing';

/** Single sign-on as configured, validated at start-up. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  /** null: a public client, authenticated by PKCE alone. */
  clientSecret: string | null;
  /** Where the provider sends the browser back: <redirect base>/api/v1/auth/oidc/callback. */
  redirectUri: URL;
  /** Scopes, `openid` first. */
  scopes: string;
  label: { de: string; en: string };
  loginClaim: string;
  groupsClaim: string;
  /** Group (claim value) → Lagebild roles. */
  roleMapping: ReadonlyMap<string, readonly Role[]>;
  /** Roles of users none of whose groups is mapped; empty: they are refused. */
  defaultRoles: readonly Role[];
  organisationClaim: string | null;
  /** Claim value → organisation id; empty: the value is the id. */
  organisationMapping: ReadonlyMap<string, string>;
  users: OidcUserPolicy;
}

export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';

type OidcSettings = Pick<
  Settings,
  | 'oidcIssuer'
  | 'oidcClientId'
  | 'oidcClientSecret'
  | 'oidcRedirectBase'
  | 'oidcScopes'
  | 'oidcLabel'
  | 'oidcLabelEn'
  | 'oidcLoginClaim'
  | 'oidcGroupsClaim'
  | 'oidcRoleMapping'
  | 'oidcDefaultRoles'
  | 'oidcOrganisationClaim'
  | 'oidcOrganisationMapping'
  | 'oidcUsers'
>;

/** Roles a mapping may grant: every role of the policy but the anonymous public's. */
const ACCOUNT_ROLES = ROLES.filter((role) => role !== 'public');

/**
 * The single sign-on configuration from the settings; null when no issuer is set. Refuses an
 * incomplete or malformed configuration with a message naming the setting, so the server does not
 * start with a sign-in that would fail for everybody.
 */
export function oidcConfigFrom(settings: OidcSettings): OidcConfig | null {
  if (!settings.oidcIssuer) return null;
  const issuer = secureUrl('oidcIssuer', settings.oidcIssuer);
  if (!settings.oidcClientId.trim()) fail('oidcClientId', 'is empty; single sign-on needs the client id.');
  if (!settings.oidcRedirectBase)
    fail('oidcRedirectBase', 'is empty; single sign-on needs the public URL of Lagebild.');
  const base = secureUrl('oidcRedirectBase', settings.oidcRedirectBase);
  const scopes = ['openid', ...settings.oidcScopes.split(/\s+/).filter((s) => s && s !== 'openid')];
  return {
    issuer,
    clientId: settings.oidcClientId.trim(),
    clientSecret: settings.oidcClientSecret || null,
    // Relative, so a base with a path (https://kreis.de/lagebild) keeps it.
    redirectUri: new URL(OIDC_CALLBACK_PATH.slice(1), base.href.endsWith('/') ? base : `${base.href}/`),
    scopes: scopes.join(' '),
    label: { de: settings.oidcLabel, en: settings.oidcLabelEn },
    loginClaim: settings.oidcLoginClaim,
    groupsClaim: settings.oidcGroupsClaim,
    roleMapping: roleMapping(settings.oidcRoleMapping),
    defaultRoles: roleList('oidcDefaultRoles', settings.oidcDefaultRoles.split(',')),
    organisationClaim: settings.oidcOrganisationClaim.trim() || null,
    organisationMapping: organisationMapping(settings.oidcOrganisationMapping),
    users: settings.oidcUsers,
  };
}

function roleMapping(text: string): Map<string, Role[]> {
  const json = jsonObject('oidcRoleMapping', text);
  const mapping = new Map<string, Role[]>();
  for (const [group, value] of Object.entries(json)) {
    const names = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string'))
      fail(
        'oidcRoleMapping',
        `maps "${group}" to ${JSON.stringify(value)}; expected a role or a list of roles.`,
      );
    mapping.set(group, roleList('oidcRoleMapping', names as string[], group));
  }
  return mapping;
}

function roleList(setting: keyof OidcSettings, names: string[], group?: string): Role[] {
  const roles: Role[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    if (!isRole(name) || name === 'public')
      fail(
        setting,
        `${group === undefined ? '' : `maps "${group}" to `}"${name}", which is no role; expected one of ${ACCOUNT_ROLES.join(', ')}.`,
      );
    roles.push(name);
  }
  return roles;
}

function organisationMapping(text: string): Map<string, string> {
  const json = jsonObject('oidcOrganisationMapping', text);
  const mapping = new Map<string, string>();
  for (const [value, id] of Object.entries(json)) {
    if (typeof id !== 'string' || !id.trim())
      fail(
        'oidcOrganisationMapping',
        `maps "${value}" to ${JSON.stringify(id)}; expected an organisation id.`,
      );
    mapping.set(value, id.trim());
  }
  return mapping;
}

function jsonObject(setting: keyof OidcSettings, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim() || '{}');
  } catch (error) {
    fail(setting, `is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    fail(setting, `must be a JSON object, found ${Array.isArray(parsed) ? 'an array' : typeof parsed}.`);
  return parsed as Record<string, unknown>;
}

/** https, or http to this machine only (a provider or a Lagebild for trying things out). */
function secureUrl(setting: keyof OidcSettings, text: string): URL {
  const url = new URL(text);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return url;
  return fail(setting, `must be an https URL (http only for this machine), found "${text}".`);
}

export function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function fail(setting: keyof OidcSettings, problem: string): never {
  throw new Error(`Setting ${setting} (${SETTINGS[setting].env}) ${problem}`);
}
