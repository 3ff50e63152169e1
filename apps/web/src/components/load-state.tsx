import type { Resource } from '../state/resource.ts';
import { t } from '../state/store.ts';

/** A loading note or an error with a retry button, for any resource. */
export function LoadState({ resource, retry }: { resource: Resource<unknown>; retry: () => void }) {
  if (resource.status === 'loading') {
    return (
      <p class="load-state" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (resource.status === 'error') {
    return (
      <div class="load-state error" role="alert">
        <p>{t('app.error', { message: resource.error ?? '' })}</p>
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return null;
}
