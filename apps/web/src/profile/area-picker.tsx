import { useState } from 'preact/hooks';
import { LoadState } from '../components/load-state.tsx';
import { localName } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { api, levelList } from '../state/data.ts';
import { keyedResource } from '../state/resource.ts';
import { followLink, hrefFor, lang, t, updateView, viewState } from '../state/store.ts';
import type { AreaFeature } from '../api/types.ts';

/** Most areas listed at once: a search narrows down the 11,000 Gemeinden. */
export const PICK_LIMIT = 50;

/** The areas (names only) of the level in the view state, while the profile page has no area. */
const pickerAreas = keyedResource<AreaFeature[]>(
  () => (viewState.value.page === 'profile' && !viewState.value.area ? viewState.value.level : null),
  async (level) =>
    (await api.listAreas(level, { geometry: false })).features.sort((a, b) =>
      a.properties.name.localeCompare(b.properties.name, 'de'),
    ),
  4,
);

export function matchesArea(feature: AreaFeature, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase('de');
  if (needle === '') return true;
  const { name, key } = feature.properties;
  return name.toLocaleLowerCase('de').includes(needle) || key.toLocaleLowerCase('de').startsWith(needle);
}

/** The profile page without an area: choose a level, search its areas by name or key, open one. */
export function AreaPicker() {
  const [query, setQuery] = useState('');
  const level = viewState.value.level;
  const l = lang.value;
  const state = pickerAreas.state.value;
  const found = (state.data ?? []).filter((f) => matchesArea(f, query));
  const shown = found.slice(0, PICK_LIMIT);
  return (
    <>
      <h2 id="page-heading">{t('profile.pick.title')}</h2>
      <p>{t('profile.pick.intro')}</p>
      <div class="profile-picker">
        <div class="field">
          <label for="profile-level">{t('profile.pick.level')}</label>
          <select
            id="profile-level"
            value={level}
            onChange={(event) => updateView({ level: event.currentTarget.value, parent: null }, 'push')}
          >
            {levelList.value.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {localName(l, entry)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="profile-search">{t('profile.pick.search')}</label>
          <input
            id="profile-search"
            type="search"
            autocomplete="off"
            placeholder={t('profile.pick.placeholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
      </div>
      <LoadState resource={state} retry={pickerAreas.retry} />
      {state.status === 'ready' && (
        <section aria-labelledby="profile-results-heading" class="profile-results">
          <h3 id="profile-results-heading">{t('profile.pick.results')}</h3>
          <p role="status" class="hint">
            {found.length === 0
              ? t('profile.pick.none')
              : found.length > shown.length
                ? t('profile.pick.more', { shown: PICK_LIMIT, count: formatNumber(found.length, 0, l) })
                : t('profile.pick.count', { count: formatNumber(found.length, 0, l) })}
          </p>
          <ul>
            {shown.map((feature) => {
              const patch = { page: 'profile' as const, level, area: feature.properties.key };
              return (
                <li key={feature.properties.key}>
                  <a href={hrefFor(patch)} onClick={(event) => followLink(event, patch)}>
                    {feature.properties.name}
                  </a>{' '}
                  <span class="muted">{feature.properties.key}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
