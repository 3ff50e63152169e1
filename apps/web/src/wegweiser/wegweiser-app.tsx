import { useSignalEffect } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { DetailView } from './detail-view.tsx';
import { portalApi, type CategoriesResponse } from './portal-api.ts';
import { EMPTY_STATE, hasSearch } from './portal-state.ts';
import { lang, navigate, portalState, t } from './portal-store.ts';
import { loadPlaces, type Places } from './places.ts';
import { ReportForm } from './report-form.tsx';
import { ResultsSection } from './results-section.tsx';
import { SearchForm } from './search-form.tsx';

/** The public Wegweiser portal: search (with topic tiles), results as list and map, one entry's page. */
export function WegweiserApp() {
  const [categories, setCategories] = useState<CategoriesResponse | null>(null);
  const [places, setPlaces] = useState<Places | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    portalApi.categories().then(setCategories, (e: Error) => setError(e.message));
    // Without places the portal still works (position and text search); no error for the user.
    loadPlaces().then(setPlaces, () => setPlaces(null));
  }, []);

  useSignalEffect(() => {
    document.documentElement.lang = lang.value;
    document.title = t('app.title');
  });

  const state = portalState.value;
  return (
    <>
      <a class="ww-skip" href="#ww-results">
        {t('app.skip')}
      </a>
      <header class="ww-header">
        <div>
          <p class="ww-brand">
            <a
              href={location.pathname + (state.lang === 'en' ? '?lang=en' : '')}
              onClick={(e) => {
                e.preventDefault();
                navigate({ ...EMPTY_STATE, lang: state.lang });
              }}
            >
              {t('app.heading')}
            </a>
          </p>
          <p class="ww-tagline">{t('app.tagline')}</p>
        </div>
        <button
          type="button"
          class="ww-lang"
          lang={state.lang === 'de' ? 'en' : 'de'}
          title={t('lang.switchTitle')}
          onClick={() => navigate({ lang: state.lang === 'de' ? 'en' : 'de' }, 'replace')}
        >
          {t('lang.switch')}
        </button>
      </header>
      <main id="ww-main">
        {error && <p role="alert">{t('app.error', { message: error })}</p>}
        {state.entry ? (
          <DetailView places={places} categories={categories} />
        ) : (
          <>
            <h1 id="ww-title" class="ww-title">
              {t('search.label')}
            </h1>
            <SearchForm categories={categories} places={places} />
            {hasSearch(state) || state.lat !== null ? (
              <ResultsSection places={places} />
            ) : (
              <p id="ww-results" class="ww-start" tabIndex={-1}>
                {t('results.start')}
              </p>
            )}
          </>
        )}
        <ReportForm serviceId={state.entry || null} />
      </main>
    </>
  );
}
