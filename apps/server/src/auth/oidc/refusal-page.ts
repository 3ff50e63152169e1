import type { SignInRefused } from './oidc-refusal.ts';

/**
 * The page a browser lands on when single sign-on ends without a session: what happened, in German
 * and English, and a way back. Never a stack trace; the reason code helps the administrators. No
 * inline style or script: the API's Content-Security-Policy allows none.
 */
export function refusalPage(refusal: SignInRefused): string {
  const back = '/';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Anmeldung nicht möglich – Lagebild</title>
</head>
<body>
<main>
<h1>Anmeldung nicht möglich</h1>
<p id="refusal-de">${escapeHtml(refusal.text('de'))}</p>
<p><a href="${back}">Zur Startseite</a></p>
<section lang="en">
<h2>Sign-in not possible</h2>
<p id="refusal-en">${escapeHtml(refusal.text('en'))}</p>
<p><a href="${back}">To the start page</a></p>
</section>
<p class="code">Code: <span id="refusal-code">${refusal.reason}</span></p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
