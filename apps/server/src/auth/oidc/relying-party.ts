import * as client from 'openid-client';
import { isLoopback, type OidcConfig } from './oidc-config.ts';
import type { PendingFlow } from './pending-flows.ts';
import { SignInRefused } from './oidc-refusal.ts';

/** Seconds to wait for the provider (discovery, token, userinfo) before giving up. */
const PROVIDER_TIMEOUT_S = 10;
/** Error answers that mean the person (or the provider's policy) said no, not that something broke. */
const DENIALS = new Set(['access_denied', 'login_required', 'consent_required', 'interaction_required']);

export type Claims = Record<string, unknown>;

/**
 * Lagebild as an OpenID Connect relying party: the authorization code flow with PKCE, state and
 * nonce. openid-client checks the answer (issuer, audience, nonce, signature, expiry); this class
 * turns every failure into a `SignInRefused` the person can read. The provider's metadata is
 * discovered at the first sign-in, not at start-up, so Lagebild starts while the provider is down.
 */
export class RelyingParty {
  readonly #oidc: OidcConfig;
  #discovered: Promise<client.Configuration> | null = null;

  constructor(oidc: OidcConfig) {
    this.#oidc = oidc;
  }

  /** A new authorization request: where to send the browser, and what the callback must check. */
  async authorizationRequest(): Promise<{ url: URL; flow: Omit<PendingFlow, 'expiresAt' | 'returnTo'> }> {
    const config = await this.#configuration();
    const flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.#oidc.redirectUri.href,
      scope: this.#oidc.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url, flow };
  }

  /**
   * Checks the provider's answer at the callback against the flow, redeems the code and returns the
   * ID token's claims, completed by the userinfo endpoint (many providers put groups only there).
   */
  async claims(callback: URL, flow: PendingFlow): Promise<Claims> {
    const params = callback.searchParams;
    if (params.get('state') !== flow.state) throw new SignInRefused('StateMismatch');
    const error = params.get('error');
    if (error) {
      const detail = params.get('error_description') ?? error;
      throw new SignInRefused(DENIALS.has(error) ? 'Denied' : 'ProviderError', { detail });
    }
    const config = await this.#configuration();
    const tokens = await guard(() =>
      client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      }),
    );
    const idClaims = tokens.claims()!;
    const userinfo = config.serverMetadata().userinfo_endpoint
      ? await guard(() => client.fetchUserInfo(config, tokens.access_token, idClaims.sub))
      : {};
    // The signed ID token has the last word on what both carry.
    return { ...userinfo, ...idClaims };
  }

  #configuration(): Promise<client.Configuration> {
    this.#discovered ??= this.#discover().catch((error: unknown) => {
      // A provider that was down is asked again at the next sign-in.
      this.#discovered = null;
      throw error;
    });
    return this.#discovered;
  }

  async #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.#oidc;
    const auth = clientSecret ? client.ClientSecretBasic(clientSecret) : client.None();
    const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [];
    try {
      return await client.discovery(issuer, clientId, clientSecret ?? undefined, auth, {
        execute,
        timeout: PROVIDER_TIMEOUT_S,
      });
    } catch (error) {
      throw new SignInRefused('ProviderUnreachable', {}, { cause: error });
    }
  }
}

/** Runs a request to the provider, naming what went wrong in a `SignInRefused`. */
async function guard<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof SignInRefused) throw error;
    if (isUnreachable(error)) throw new SignInRefused('ProviderUnreachable', {}, { cause: error });
    if (error instanceof client.ResponseBodyError)
      throw new SignInRefused(
        'ProviderError',
        { detail: error.error_description ?? error.error },
        { cause: error },
      );
    if (error instanceof client.AuthorizationResponseError)
      throw new SignInRefused(DENIALS.has(error.error) ? 'Denied' : 'ProviderError', {
        detail: error.error_description ?? error.error,
      });
    throw new SignInRefused('ResponseInvalid', { detail: (error as Error).message }, { cause: error });
  }
}

function isUnreachable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EHOSTUNREACH|UND_ERR)/.test(code))
      return true;
  }
  return false;
}
