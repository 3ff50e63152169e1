import { t } from '../state/store.ts';

export function WarningsPage() {
  return (
    <main id="main" tabIndex={-1} aria-labelledby="page-heading" class="page page-warnings">
      <h2 id="page-heading">{t('pages.warnings')}</h2>
    </main>
  );
}
