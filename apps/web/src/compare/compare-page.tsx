import { t } from '../state/store.ts';

export function ComparePage() {
  return (
    <main id="main" tabIndex={-1} aria-labelledby="page-heading" class="page page-compare">
      <h2 id="page-heading">{t('pages.compare')}</h2>
    </main>
  );
}
