import { useEffect, useMemo, useState } from 'preact/hooks';
import { SignInForm } from '../components/sign-in-form.tsx';
import type { Lang } from '../lib/format.ts';
import { createSession, type SessionState } from '../lib/session.ts';
import { translate, type EditorialKey } from './editorial.i18n.ts';
import { EntriesPanel } from './entries-panel.tsx';
import { ReviewQueue } from './review-queue.tsx';

export type T = (key: EditorialKey, vars?: Record<string, string | number>) => string;
type Tab = 'entries' | 'queue' | 'mine';

/** The Wegweiser's editorial office (`/redaktion`): provider editors maintain, reviewers publish. */
export function EditorialApp() {
  const session = useMemo(() => createSession(), []);
  const [lang, setLang] = useState<Lang>(
    new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'de',
  );
  const [state, setState] = useState<SessionState | null>(null);
  const [tab, setTab] = useState<Tab>('entries');
  const t: T = (key, vars) => translate(lang, key, vars);

  useEffect(() => {
    session.refresh().then(setState, () => setState(session.state));
  }, [session]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('title');
  }, [lang]);

  const signedIn = state?.user && session.can('directory:edit');
  const reviewer = session.can('directory:review');
  return (
    <>
      <header class="ed-header">
        <p class="ed-brand">{t('title')}</p>
        <button
          type="button"
          lang={lang === 'de' ? 'en' : 'de'}
          onClick={() => setLang(lang === 'de' ? 'en' : 'de')}
        >
          {t('switchLang')}
        </button>
        {signedIn && (
          <button type="button" onClick={() => void session.signOut().then(() => setState(session.state))}>
            {t('signOut')}
          </button>
        )}
      </header>
      <main id="ed-main">
        {state === null ? null : !signedIn ? (
          <SignInForm session={session} lang={lang} onSignedIn={setState} headingLevel={1} />
        ) : (
          <>
            <h1>{state.user!.displayName}</h1>
            <nav class="ed-tabs" aria-label={t('title')}>
              {(['entries', ...(reviewer ? ['queue'] : []), 'mine'] as Tab[]).map((id) => (
                <button
                  type="button"
                  key={id}
                  id={`ed-tab-${id}`}
                  aria-pressed={tab === id}
                  onClick={() => setTab(id)}
                >
                  {t(id === 'entries' ? 'tabEntries' : id === 'queue' ? 'tabQueue' : 'tabMine')}
                </button>
              ))}
            </nav>
            {tab === 'entries' && <EntriesPanel session={session} t={t} lang={lang} />}
            {tab === 'queue' && <ReviewQueue session={session} t={t} lang={lang} review />}
            {tab === 'mine' && <ReviewQueue session={session} t={t} lang={lang} review={false} />}
          </>
        )}
      </main>
    </>
  );
}
