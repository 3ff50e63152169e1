import { followLink, hrefFor, t, updateView, viewState } from '../state/store.ts';
import { PAGES, VIEWS } from '../state/view-state.ts';
import { AccountLinks } from './account-links.tsx';

/** Title, the pages, the view switch of the atlas (map / table / both) and the language switch. */
export function AppHeader() {
  const { view, lang, page } = viewState.value;
  const other = lang === 'de' ? 'en' : 'de';
  return (
    <header class="app-header">
      <h1>{t('app.title')}</h1>
      <nav aria-label={t('pages.label')} class="page-nav">
        {PAGES.map((p) => (
          <a
            key={p}
            href={hrefFor({ page: p })}
            aria-current={page === p ? 'page' : undefined}
            onClick={(event) => followLink(event, { page: p })}
          >
            {t(`pages.${p}`)}
          </a>
        ))}
      </nav>
      {page === 'atlas' && (
        <div role="group" aria-label={t('view.label')} class="view-switch">
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => updateView({ view: v })}>
              {t(`view.${v}`)}
            </button>
          ))}
        </div>
      )}
      <button
        type="button"
        class="lang-switch"
        lang={other}
        title={t('lang.switchTitle')}
        onClick={() => updateView({ lang: other })}
      >
        {t('lang.switch')}
      </button>
      <AccountLinks lang={lang} />
    </header>
  );
}
