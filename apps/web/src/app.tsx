import { useSignalEffect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { AtlasPage } from './atlas/atlas-page.tsx';
import { AppHeader } from './components/app-header.tsx';
import { ComparePage } from './compare/compare-page.tsx';
import { AreaProfilePage } from './profile/area-profile-page.tsx';
import { syncPeriod } from './state/actions.ts';
import { effectivePeriod } from './state/data.ts';
import { lang, listenToHistory, t, viewState } from './state/store.ts';
import { WarningsPage } from './warnings/warnings-page.tsx';

const PAGE_COMPONENTS = {
  atlas: AtlasPage,
  profile: AreaProfilePage,
  compare: ComparePage,
  warnings: WarningsPage,
};

export function App() {
  useEffect(listenToHistory, []);
  useSignalEffect(() => {
    document.documentElement.lang = lang.value;
    document.title = t('app.title');
  });
  useSignalEffect(() => {
    // The comparison page picks its period among the periods of several indicators, not the atlas'.
    if (viewState.value.page !== 'compare' && effectivePeriod.value) syncPeriod();
  });
  const Page = PAGE_COMPONENTS[viewState.value.page];
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppHeader />
      <Page />
    </>
  );
}
