import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import { createSession, type SessionState } from '../lib/session.ts';
import { SignInForm } from './sign-in-form.tsx';

const TEXT = {
  de: { signIn: 'Anmelden', signOut: 'Abmelden ({name})', admin: 'Verwaltung' },
  en: { signIn: 'Sign in', signOut: 'Sign out ({name})', admin: 'Administration' },
} as const;

/**
 * Sign-in and sign-out in the atlas header, and the way to the administration for those allowed.
 * The atlas stays usable without an account; after signing in or out the page reloads, so every
 * figure on it is fetched again with the new permissions.
 */
export function AccountLinks({ lang }: { lang: Lang }) {
  const session = useMemo(() => createSession(), []);
  const [state, setState] = useState<SessionState | null>(null);
  const [open, setOpen] = useState(false);
  const t = TEXT[lang];

  useEffect(() => {
    // Without the API (e.g. a static preview) the header simply offers signing in.
    session.refresh().then(setState, () => setState(session.state));
  }, []);

  if (!state) return null;
  const user = state.user;
  if (user) {
    const admin = session.can('admin:manage') || session.can('audit:read');
    return (
      <div class="account-links">
        {admin && <a href={lang === 'en' ? '/verwaltung?lang=en' : '/verwaltung'}>{t.admin}</a>}
        <button type="button" onClick={() => void session.signOut().finally(() => location.reload())}>
          {t.signOut.replace('{name}', user.displayName)}
        </button>
      </div>
    );
  }
  return (
    <div class="account-links">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="account-sign-in"
        onClick={() => setOpen(!open)}
      >
        {t.signIn}
      </button>
      {open && (
        <div id="account-sign-in" class="account-sign-in">
          <SignInForm session={session} lang={lang} onSignedIn={() => location.reload()} />
        </div>
      )}
    </div>
  );
}
