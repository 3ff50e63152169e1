import type { AreaRow } from '../lib/area-rows.ts';
import { clearSelection, selectArea } from '../state/actions.ts';
import { rowByKey } from '../state/atlas-model.ts';
import { followLink, hrefFor, requestZoom, selectedKeys, t } from '../state/store.ts';
import { AreaFacts } from './area-facts.tsx';

/** Details of the selected area (the last one chosen) and the list of all selected areas. */
export function AreaDetails() {
  const keys = selectedKeys.value;
  const rows = rowByKey.value;
  const selected = keys.map((k) => rows.get(k)).filter((r): r is AreaRow => r !== undefined);
  const focus = selected.at(-1);
  return (
    <section class="details" aria-labelledby="details-heading">
      <h3 id="details-heading">{t('details.title')}</h3>
      <div aria-live="polite">
        {focus ? <AreaFacts row={focus} /> : <p class="muted">{t('details.none')}</p>}
      </div>
      {focus && (
        <p class="profile-link">
          <a
            href={hrefFor({ page: 'profile', area: focus.key })}
            onClick={(e) => followLink(e, { page: 'profile', area: focus.key })}
          >
            {t('profile.open')}
            <span class="visually-hidden">: {focus.name}</span>
          </a>
        </p>
      )}
      {selected.length > 1 && (
        <div class="selection-list">
          <h4>{t('details.selection', { count: selected.length })}</h4>
          <ul>
            {selected.map((row) => (
              <li key={row.key}>
                <span>{row.name}</span>
                <button
                  type="button"
                  class="icon"
                  aria-label={t('details.remove', { area: row.name })}
                  onClick={() => selectArea(row.key, true)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <a
            class="compare-link"
            href={hrefFor({ page: 'compare' })}
            onClick={(e) => followLink(e, { page: 'compare' })}
          >
            {t('compare.fromAtlas', { count: selected.length })}
          </a>
        </div>
      )}
      {selected.length > 0 && (
        <div class="inline-list">
          <button type="button" class="secondary" onClick={() => requestZoom(selected.map((r) => r.key))}>
            {t('details.zoom')}
          </button>
          <button type="button" class="secondary" onClick={clearSelection}>
            {t('details.clear')}
          </button>
        </div>
      )}
    </section>
  );
}
