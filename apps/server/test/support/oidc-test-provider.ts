import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** A person at the test provider: the claims its userinfo endpoint answers with. */
export interface TestAccount {
  preferred_username: string;
  name: string;
  email: string;
  groups: string[];
}

export interface TestProvider {
  /** `http://localhost:<port>`: another site than Lagebild's 127.0.0.1, as a real provider is. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people, by subject; tests change their groups between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** Registers Lagebild's callback URLs (before the first sign-in). */
  start(redirectUris: string[]): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free port of this machine, with one confidential
 * client and a minimal interaction of its own: a login form that takes a subject (no password), and
 * consent given at once. `/interaction/<uid>/abort` cancels, as a person declining consent does.
 */
export async function startTestProvider(): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const accounts = new Map<string, TestAccount>();
  const clientId = 'lagebild';
  const clientSecret = 'test-client-secret-that-is-long-enough-0123456789';
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    start(redirectUris) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        claims: {
          openid: ['sub'],
          profile: ['name', 'preferred_username'],
          email: ['email'],
          groups: ['groups'],
        },
        scopes: ['openid', 'profile', 'email', 'groups'],
        findAccount: (_ctx, sub) => {
          const account = accounts.get(sub);
          return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
        },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        cookies: { keys: ['test-cookie-key-0123456789'] },
        jwks: { keys: [signingKey()] },
        ttl: {
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
          AccessToken: 600,
          IdToken: 600,
          AuthorizationCode: 60,
        },
      });
      provider.use(interactions(provider));
      server.on('request', provider.callback());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function interactions(provider: Provider) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const action = match[2];
    if (action === 'abort') {
      const result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
      return finish(ctx, provider, result, false);
    }
    if (action === 'login' && ctx.method === 'POST') {
      const form = new URLSearchParams(await readBody(ctx.req));
      return finish(ctx, provider, { login: { accountId: form.get('login') ?? '' } }, false);
    }
    if (details.prompt.name === 'consent') {
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      return finish(ctx, provider, { consent: { grantId: await grant.save() } }, true);
    }
    ctx.type = 'html';
    ctx.body = `<!doctype html><html lang="en"><title>Test provider</title>
<form method="post" action="/interaction/${match[1]}/login">
<label for="login">Login</label> <input id="login" name="login" autocomplete="off">
<button type="submit">Sign in at the provider</button>
</form>
<p><a href="/interaction/${match[1]}/abort">Cancel</a></p></html>`;
  };
}

async function finish(
  ctx: KoaContextWithOIDC,
  provider: Provider,
  result: Record<string, unknown>,
  merge: boolean,
): Promise<void> {
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: merge,
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

/** A fresh RSA key per run: ID tokens are signed with it and checked against the provider's JWKS. */
function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
