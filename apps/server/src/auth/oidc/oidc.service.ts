import { isDomainError } from '@lagebild/core';
import type { IdentitySignIn, Store, UserAccount } from '@lagebild/store';
import type { AuthService, SignedIn } from '../auth.service.ts';
import { NO_LOCAL_PASSWORD } from '../password.ts';
import { profileFromClaims, type ClaimedProfile } from './oidc-claims.ts';
import type { OidcConfig } from './oidc-config.ts';
import { SignInRefused } from './oidc-refusal.ts';
import { PendingFlows } from './pending-flows.ts';
import { RelyingParty, type Claims } from './relying-party.ts';
import { safeReturnTo } from './return-to.ts';

/**
 * Single sign-on through an OpenID Connect provider: starts the authorization code flow, and at the
 * callback maps the claims to a user (linked by issuer and subject, created or matched by login at
 * the first sign-in, as `users` allows) whose roles are re-synced from the claims every time, then
 * opens an ordinary Lagebild session.
 */
export class OidcService {
  readonly config: OidcConfig;
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #party: RelyingParty;
  readonly #flows: PendingFlows;

  constructor(config: OidcConfig, store: Store, now: () => Date = () => new Date()) {
    this.config = config;
    this.#store = store;
    this.#now = now;
    this.#party = new RelyingParty(config);
    this.#flows = new PendingFlows(() => now().getTime());
  }

  /** Where to send the browser, and the flow id for its cookie. */
  async begin(returnTo: string | undefined): Promise<{ flowId: string; redirectTo: URL }> {
    const { url, flow } = await this.#party.authorizationRequest();
    const flowId = this.#flows.add({ ...flow, returnTo: safeReturnTo(returnTo) });
    return { flowId, redirectTo: url };
  }

  /**
   * The callback: `flowId` from the browser's cookie, `query` the raw query string the provider sent;
   * the session is opened by `auth`. Throws `SignInRefused` for everything that ends without a session.
   */
  async complete(
    flowId: string | null,
    query: string,
    auth: AuthService,
  ): Promise<{ signedIn: SignedIn; returnTo: string }> {
    const flow = this.#flows.take(flowId);
    if (!flow) throw new SignInRefused('FlowUnknown');
    const callback = new URL(this.config.redirectUri);
    callback.search = query;
    const claims = await this.#party.claims(callback, flow);
    const user = await this.#userFor(claims);
    return { signedIn: await auth.signInVerified(user), returnTo: flow.returnTo };
  }

  async #userFor(claims: Claims): Promise<UserAccount> {
    const profile = profileFromClaims(claims, this.config);
    if (profile.organisationId) await this.#checkOrganisation(profile.organisationId);
    const signIn: IdentitySignIn = {
      issuer: String(claims.iss),
      subject: String(claims.sub),
      at: this.#now().toISOString(),
      profile: {
        displayName: profile.displayName,
        roles: profile.roles,
        ...(profile.organisationId === undefined ? {} : { organisationId: profile.organisationId }),
      },
    };
    const accounts = this.#store.accounts;
    if (await accounts.findUserByIdentity(signIn)) return accounts.touchIdentity(signIn);
    return this.#firstSignIn(signIn, profile);
  }

  /** An identity seen for the first time: link it to the user with its login, or create one. */
  async #firstSignIn(signIn: IdentitySignIn, profile: ClaimedProfile): Promise<UserAccount> {
    const accounts = this.#store.accounts;
    const local = await accounts.findCredentials(profile.login);
    try {
      if (!local) {
        if (this.config.users === 'existing')
          throw new SignInRefused('NotProvisioned', { login: profile.login });
        return await accounts.linkIdentity(signIn, { login: profile.login, passwordHash: NO_LOCAL_PASSWORD });
      }
      if (this.config.users === 'create') throw new SignInRefused('LoginTaken', { login: local.login });
      // A local user already linked at this provider is someone else's account: never a second link.
      const identities = await accounts.listIdentities(local.id);
      if (identities.some((identity) => identity.issuer === signIn.issuer))
        throw new SignInRefused('IdentityChanged', { login: local.login });
      return await accounts.linkIdentity(signIn, { userId: local.id });
    } catch (error) {
      // A concurrent first sign-in with the same login got there first.
      if (isDomainError(error) && error.code === 'Conflict')
        throw new SignInRefused('LoginTaken', { login: profile.login }, { cause: error });
      throw error;
    }
  }

  async #checkOrganisation(id: string): Promise<void> {
    const organisations = await this.#store.accounts.listOrganisations();
    if (!organisations.some((o) => o.id === id))
      throw new SignInRefused('UnknownOrganisation', { organisation: id });
  }
}
