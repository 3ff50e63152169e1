import { describe, expect, it } from 'vitest';
import { profileFromClaims } from '../src/auth/oidc/oidc-claims.ts';
import { oidcConfigFrom } from '../src/auth/oidc/oidc-config.ts';
import { SignInRefused } from '../src/auth/oidc/oidc-refusal.ts';
import { safeReturnTo } from '../src/auth/oidc/return-to.ts';
import { resolveSettings, type SettingName } from '../src/settings.ts';

const config = (overrides: Partial<Record<SettingName, string>> = {}) =>
  oidcConfigFrom(
    resolveSettings(
      {
        oidcIssuer: 'https://sso.kreis.example/realms/verwaltung',
        oidcClientId: 'lagebild',
        oidcRedirectBase: 'https://kreis.example/lagebild',
        oidcRoleMapping: '{"sozialplanung":"planner","/lagebild/admins":["admin","reader"]}',
        ...overrides,
      },
      {},
    ),
  );

function refusal(run: () => unknown): SignInRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof SignInRefused) return error;
    throw error;
  }
  throw new Error('expected a SignInRefused');
}

describe('single sign-on settings', () => {
  it('is off without an issuer', () => {
    expect(oidcConfigFrom(resolveSettings({}, {}))).toBeNull();
  });

  it('builds the callback below the public URL, with openid first among the scopes', () => {
    const oidc = config({ oidcScopes: 'profile openid email' })!;
    expect(oidc.redirectUri.href).toBe('https://kreis.example/lagebild/api/v1/auth/oidc/callback');
    expect(oidc.scopes).toBe('openid profile email');
    expect(oidc.clientSecret).toBeNull();
    expect(oidc.roleMapping.get('/lagebild/admins')).toEqual(['admin', 'reader']);
    expect(oidc.users).toBe('create');
  });

  it('refuses an incomplete or malformed configuration, naming the setting and what was found', () => {
    expect(() => config({ oidcClientId: '' })).toThrow(/oidcClientId \(LAGEBILD_OIDC_CLIENT_ID\) is empty/);
    expect(() => config({ oidcRedirectBase: '' })).toThrow(/LAGEBILD_OIDC_REDIRECT_BASE/);
    expect(() => config({ oidcIssuer: 'http://sso.kreis.example' })).toThrow(
      /must be an https URL .* found "http:\/\/sso.kreis.example"/,
    );
    expect(() => config({ oidcRoleMapping: '{"a":' })).toThrow(
      /LAGEBILD_OIDC_ROLE_MAPPING\) is not valid JSON/,
    );
    expect(() => config({ oidcRoleMapping: '["planner"]' })).toThrow(/must be a JSON object, found an array/);
    expect(() => config({ oidcRoleMapping: '{"sozialplanung":"chef"}' })).toThrow(
      /maps "sozialplanung" to "chef", which is no role; expected one of admin, /,
    );
    expect(() => config({ oidcRoleMapping: '{"alle":"public"}' })).toThrow(/"public", which is no role/);
    expect(() => config({ oidcRoleMapping: '{"x":3}' })).toThrow(/maps "x" to 3; expected a role or a list/);
    expect(() => config({ oidcDefaultRoles: 'reader,boss' })).toThrow(/oidcDefaultRoles .*"boss"/);
    expect(() => config({ oidcOrganisationMapping: '{"x":""}' })).toThrow(/expected an organisation id/);
  });

  it('accepts http for a provider on this machine only', () => {
    expect(
      config({ oidcIssuer: 'http://localhost:8081', oidcRedirectBase: 'http://127.0.0.1:8080' }),
    ).not.toBeNull();
  });
});

describe('claims to roles', () => {
  const claims = {
    sub: 's1',
    preferred_username: 'anna',
    name: 'Anna Planer',
    groups: ['sozialplanung', 'kantine'],
  };

  it('maps groups to the union of their roles, and takes login and name', () => {
    const both = { ...claims, groups: ['sozialplanung', '/lagebild/admins'] };
    expect(profileFromClaims(both, config()!)).toEqual({
      login: 'anna',
      displayName: 'Anna Planer',
      roles: ['admin', 'planner', 'reader'],
    });
  });

  it('reads nested claims and single strings (Keycloak realm roles, one group)', () => {
    const oidc = config({ oidcGroupsClaim: 'realm_access.roles' })!;
    const keycloak = {
      ...claims,
      groups: undefined,
      realm_access: { roles: ['offline_access', 'sozialplanung'] },
    };
    expect(profileFromClaims(keycloak, oidc).roles).toEqual(['planner']);
    expect(profileFromClaims({ ...claims, groups: 'sozialplanung' }, config()!).roles).toEqual(['planner']);
  });

  it('falls back to the e-mail address as login and the login as name', () => {
    const profile = profileFromClaims(
      { sub: 's', email: 'a@kreis.example', groups: ['sozialplanung'] },
      config()!,
    );
    expect(profile).toMatchObject({ login: 'a@kreis.example', displayName: 'a@kreis.example' });
    expect(refusal(() => profileFromClaims({ sub: 's', groups: ['sozialplanung'] }, config()!)).reason).toBe(
      'NoLogin',
    );
  });

  it('refuses when no group is mapped, naming the groups, unless default roles are set', () => {
    const refused = refusal(() => profileFromClaims({ ...claims, groups: ['kantine'] }, config()!));
    expect(refused.reason).toBe('NoMappedRole');
    expect(refused.status).toBe(403);
    expect(refused.text('de')).toContain('Claim „groups“: kantine');
    expect(refused.text('en')).toContain('(claim "groups": kantine)');
    const lenient = config({ oidcDefaultRoles: 'reader' })!;
    expect(profileFromClaims({ ...claims, groups: [] }, lenient).roles).toEqual(['reader']);
  });

  it('takes the organisation from its claim, through the mapping when there is one', () => {
    const direct = config({ oidcOrganisationClaim: 'department' })!;
    expect(profileFromClaims({ ...claims, department: 'jugendamt' }, direct).organisationId).toBe(
      'jugendamt',
    );
    expect(profileFromClaims(claims, direct).organisationId).toBeNull();
    expect(profileFromClaims(claims, config()!)).not.toHaveProperty('organisationId');
    const mapped = config({
      oidcOrganisationClaim: 'groups',
      oidcOrganisationMapping: '{"kantine":"hauptamt"}',
    })!;
    expect(profileFromClaims(claims, mapped).organisationId).toBe('hauptamt');
  });
});

describe('returnTo', () => {
  it('keeps paths of this site', () => {
    expect(safeReturnTo('/wegweiser?q=kita#karte')).toBe('/wegweiser?q=kita#karte');
    expect(safeReturnTo('/')).toBe('/');
  });

  it('replaces everything that could leave the site by /', () => {
    for (const value of [
      undefined,
      '',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/x\\y',
      'javascript:alert(1)',
      'wegweiser',
      '/a\nb',
      `/${'x'.repeat(2001)}`,
    ])
      expect(safeReturnTo(value), String(value)).toBe('/');
  });
});
