import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';

const WEB_SRC = new URL('../../../web/src/', import.meta.url).pathname;

/** The page: who is signed in, else the shared sign-in form (with its single sign-on link). */
const ENTRY = `
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SignInForm } from './components/sign-in-form.tsx';
import { createSession, type SessionState } from './lib/session.ts';

const session = createSession();

function Page() {
  const [state, setState] = useState<SessionState | null>(null);
  useEffect(() => { void session.refresh().then(setState); }, []);
  if (!state) return null;
  if (state.user) return <p id="signed-in">Angemeldet als {state.user.login} ({state.roles.join(', ')})</p>;
  return <SignInForm session={session} lang="de" onSignedIn={setState} headingLevel={1} />;
}

render(<Page />, document.getElementById('root')!);
`;

/**
 * Serves a minimal page with the web app's real SignInForm at `path` of `app` (bundled from
 * apps/web/src by esbuild), so the browser test clicks the single sign-on link the product shows.
 */
export async function addSignInPage(app: FastifyInstance, path: string): Promise<void> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: WEB_SRC, loader: 'tsx', sourcefile: 'sso-test-page.tsx' },
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmelden</title></head>
<body><main id="root"></main><script type="module" src="${path}.js"></script></body></html>`;
  app.get(path, async (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  app.get(`${path}.js`, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(script));
}
