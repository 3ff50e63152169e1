import { t } from '../state/store.ts';

export function AreaProfilePage() {
  return (
    <main id="main" tabIndex={-1} aria-labelledby="page-heading" class="page page-profile">
      <h2 id="page-heading">{t('pages.profile')}</h2>
    </main>
  );
}
