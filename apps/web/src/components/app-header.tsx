import { t, updateView, viewState } from '../state/store.ts';
import { VIEWS } from '../state/view-state.ts';

/** Title, view switch (map / table / both) and the language switch. */
export function AppHeader() {
  const { view, lang } = viewState.value;
  const other = lang === 'de' ? 'en' : 'de';
  return (
    <header class="app-header">
      <h1>{t('app.title')}</h1>
      <nav aria-label={t('view.label')} class="view-switch">
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => updateView({ view: v })}>
            {t(`view.${v}`)}
          </button>
        ))}
      </nav>
      <button
        type="button"
        class="lang-switch"
        lang={other}
        title={t('lang.switchTitle')}
        onClick={() => updateView({ lang: other })}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}
