import { useEffect, useMemo, useState } from 'preact/hooks';
import { SignInForm } from '../components/sign-in-form.tsx';
import type { Lang } from '../lib/format.ts';
import { createSession, type SessionState } from '../lib/session.ts';
import { adminApi } from './admin-api.ts';
import { Notice } from './admin-fields.tsx';
import { translator } from './admin.i18n.ts';
import { AuditSection } from './audit-section.tsx';
import { IndicatorsSection } from './indicators-section.tsx';
import { OrganisationsSection } from './organisations-section.tsx';
import { UsersSection } from './users-section.tsx';

const session = createSession();
const api = adminApi(session);

const SECTIONS = ['organisations', 'users', 'indicators', 'audit'] as const;
type Section = (typeof SECTIONS)[number];

const sectionFromHash = (): Section => {
  const hash = location.hash.slice(1);
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'organisations';
};
const langFromUrl = (): Lang => (new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'de');

/**
 * The administration page (/verwaltung): sign-in, then organisations, users, data classes with
 * disclosure rules, and the audit trail. Without admin:manage only the audit trail (audit:read),
 * or a message saying why nothing is shown.
 */
export function AdminApp() {
  const [lang, setLang] = useState<Lang>(langFromUrl);
  const [state, setState] = useState<SessionState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [section, setSection] = useState<Section>(sectionFromHash);
  const t = useMemo(() => translator(lang), [lang]);

  useEffect(() => {
    session.refresh().then(setState, (e: Error) => setFailure(e.message));
    const onHash = () => setSection(sectionFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang]);

  function switchLang() {
    const next = lang === 'de' ? 'en' : 'de';
    const url = new URL(location.href);
    if (next === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    history.replaceState(null, '', url);
    setLang(next);
  }

  async function signOut() {
    await session.signOut();
    setState(session.state);
  }

  const user = state?.user ?? null;
  const canManage = session.can('admin:manage');
  const canAudit = session.can('audit:read');
  const shown: Section = canManage ? section : 'audit';
  return (
    <>
      <header class="adm-header">
        <p class="adm-brand">
          Lagebild · <a href={lang === 'en' ? '/?lang=en' : '/'}>{t('app.toAtlas')}</a>
        </p>
        {user && (
          <p class="adm-user">
            {t('app.signedInAs', { name: user.displayName })}{' '}
            <button type="button" onClick={() => void signOut()}>
              {t('app.signOut')}
            </button>
          </p>
        )}
        <button
          type="button"
          lang={lang === 'de' ? 'en' : 'de'}
          title={t('lang.switchTitle')}
          onClick={switchLang}
        >
          {t('lang.switch')}
        </button>
      </header>
      <main id="adm-main" class="adm-main">
        <h1>{t('app.heading')}</h1>
        {failure && <Notice kind="error">{t('app.error', { message: failure })}</Notice>}
        {!state && !failure && <p>{t('app.loading')}</p>}
        {state && !user && (
          <>
            <SignInForm session={session} lang={lang} onSignedIn={setState} />
            <p class="adm-hint">{t('app.firstAdmin')}</p>
          </>
        )}
        {user && !canManage && !canAudit && (
          <Notice kind="error">{t('app.noAccess', { name: user.displayName })}</Notice>
        )}
        {user && !canManage && canAudit && <p>{t('app.auditOnly')}</p>}
        {user && canManage && (
          <nav aria-label={t('nav.label')} class="adm-nav">
            {SECTIONS.map((s) => (
              <a key={s} href={`#${s}`} aria-current={shown === s ? 'page' : undefined}>
                {t(`nav.${s}`)}
              </a>
            ))}
          </nav>
        )}
        {user && (canManage || canAudit) && (
          <div key={`${shown}-${user.id}`}>
            {shown === 'organisations' && <OrganisationsSection api={api} t={t} />}
            {shown === 'users' && <UsersSection api={api} t={t} />}
            {shown === 'indicators' && <IndicatorsSection api={api} t={t} lang={lang} />}
            {shown === 'audit' && <AuditSection api={api} t={t} lang={lang} />}
          </div>
        )}
      </main>
    </>
  );
}
