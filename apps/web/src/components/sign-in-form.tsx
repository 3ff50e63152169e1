import { useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import { RequestFailed, type Session, type SessionState } from '../lib/session.ts';
import { SsoSignInLink } from './sso-sign-in-link.tsx';

const TEXT = {
  de: {
    heading: 'Anmelden',
    login: 'Benutzername',
    password: 'Passwort',
    submit: 'Anmelden',
    busy: 'Anmeldung läuft …',
    wrong: 'Benutzername oder Passwort stimmen nicht.',
    locked: 'Zu viele Fehlversuche. Bitte versuchen Sie es in einigen Minuten wieder.',
    failed: 'Die Anmeldung hat nicht geklappt: {message}',
  },
  en: {
    heading: 'Sign in',
    login: 'User name',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in …',
    wrong: 'User name or password is wrong.',
    locked: 'Too many failed attempts. Please try again in a few minutes.',
    failed: 'Signing in failed: {message}',
  },
} as const;

export interface SignInFormProps {
  session: Session;
  lang: Lang;
  onSignedIn: (state: SessionState) => void;
  /** Heading level of the form's title, so it fits the page's outline. */
  headingLevel?: 1 | 2;
}

/** Login and password, with the server's answer worded for people (wrong password, locked out). */
export function SignInForm({ session, lang, onSignedIn, headingLevel = 2 }: SignInFormProps) {
  const t = TEXT[lang];
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const state = await session.signIn(login.trim(), password);
      setPassword('');
      onSignedIn(state);
    } catch (caught) {
      setError(describeFailure(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="sign-in-form" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-heading">
      <Heading id="sign-in-heading">{t.heading}</Heading>
      <label for="sign-in-login">{t.login}</label>
      <input
        id="sign-in-login"
        name="login"
        autocomplete="username"
        required
        value={login}
        onInput={(e) => setLogin((e.target as HTMLInputElement).value)}
      />
      <label for="sign-in-password">{t.password}</label>
      <input
        id="sign-in-password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        value={password}
        onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="sign-in-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t.busy : t.submit}
      </button>
      <SsoSignInLink session={session} lang={lang} />
    </form>
  );
}

function describeFailure(caught: unknown, t: (typeof TEXT)[Lang]): string {
  if (caught instanceof RequestFailed) {
    if (caught.status === 401) return t.wrong;
    if (caught.status === 429) return t.locked;
    return t.failed.replace('{message}', caught.message);
  }
  return t.failed.replace('{message}', caught instanceof Error ? caught.message : String(caught));
}
