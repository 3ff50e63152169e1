import { useEffect, useState } from 'preact/hooks';
import { AddressField } from './address-field.tsx';
import { nameIn, type CategoriesResponse } from './portal-api.ts';
import { RADII } from './portal-state.ts';
import { lang, navigate, portalState, t } from './portal-store.ts';
import type { Places } from './places.ts';

interface Props {
  categories: CategoriesResponse | null;
  places: Places | null;
}

/** One search field, topic tiles for those who would rather not type, and the "where". */
export function SearchForm({ categories, places }: Props) {
  const state = portalState.value;
  const l = lang.value;
  const [text, setText] = useState(state.q);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'denied'>('idle');
  useEffect(() => setText(state.q), [state.q]);

  const topLevel = categories?.categories.filter((c) => c.depth <= 1 && c.count > 0) ?? [];
  const point = state.lat !== null;

  const nearMe = () => {
    if (!('geolocation' in navigator)) return setLocating('denied');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        navigate({
          lat: position.coords.latitude,
          lon: position.coords.longitude,
          place: 'me',
          radius: state.radius ?? 5,
        });
      },
      () => setLocating('denied'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div class="ww-search">
      <form
        role="search"
        class="ww-query"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ q: text.trim() });
        }}
      >
        <input
          id="ww-q"
          type="search"
          aria-labelledby="ww-title"
          aria-describedby="ww-q-hint"
          value={text}
          maxLength={200}
          autoComplete="off"
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">{t('search.submit')}</button>
        <p id="ww-q-hint" class="ww-hint">
          {t('search.hint')}
        </p>
      </form>

      <section class="ww-tiles" aria-labelledby="ww-tiles-heading">
        <h2 id="ww-tiles-heading">{t('tiles.heading')}</h2>
        <ul>
          {topLevel.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                class="ww-tile"
                data-category={c.id}
                aria-pressed={state.category === c.id}
                onClick={() => navigate({ category: state.category === c.id ? '' : c.id })}
              >
                <span class="ww-tile-name">{nameIn(l, c)}</span>
                <span class="ww-tile-count">{t('tiles.count', { count: c.count.toLocaleString(l) })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section class="ww-where" aria-labelledby="ww-where-heading">
        <h2 id="ww-where-heading">{t('where.heading')}</h2>
        <AddressField places={places} />
        <div class="ww-where-row">
          <button type="button" class="ww-near" onClick={nearMe} aria-pressed={state.place === 'me'}>
            {t('where.near')}
          </button>
          <div class="ww-field">
            <label for="ww-place">{t('where.place')}</label>
            <select
              id="ww-place"
              value={places?.byId.has(state.place) ? state.place : ''}
              onChange={(e) => {
                const place = places?.byId.get(e.currentTarget.value);
                navigate(
                  place
                    ? { lat: place.lat, lon: place.lon, place: place.id, radius: state.radius ?? 5 }
                    : { lat: null, lon: null, place: '', radius: null },
                );
              }}
            >
              <option value="">{t('where.noPlace')}</option>
              {places?.groups.map((g) => (
                <optgroup key={g.district.id} label={g.district.name}>
                  <option value={g.district.id}>{t('where.wholeDistrict', { name: g.district.name })}</option>
                  {g.regions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div class="ww-field">
            <label for="ww-radius">{t('where.radius')}</label>
            <select
              id="ww-radius"
              disabled={!point}
              value={state.radius === null ? '' : String(state.radius)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                navigate({ radius: value ? Number(value) : null });
              }}
            >
              <option value="">{t('where.anyRadius')}</option>
              {RADII.map((km) => (
                <option key={km} value={String(km)}>
                  {t('where.radiusKm', { km })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="ww-status" role="status">
          {locating === 'busy' ? t('where.locating') : locating === 'denied' ? t('where.denied') : ''}
        </p>
      </section>

      <details
        class="ww-filters"
        open={Boolean(state.lifePhase || state.targetGroup || state.language || state.accessible)}
      >
        <summary>{t('filters.summary')}</summary>
        <div class="ww-filter-grid">
          <div class="ww-field">
            <label for="ww-category">{t('filters.category')}</label>
            <select
              id="ww-category"
              value={state.category}
              onChange={(e) => navigate({ category: e.currentTarget.value })}
            >
              <option value="">{t('tiles.all')}</option>
              {categories?.categories
                .filter((c) => c.count > 0)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {`${c.depth > 0 ? '– ' : ''}${nameIn(l, c)} (${c.count})`}
                  </option>
                ))}
            </select>
          </div>
          <div class="ww-field">
            <label for="ww-life">{t('filters.lifePhase')}</label>
            <select
              id="ww-life"
              value={state.lifePhase}
              onChange={(e) => navigate({ lifePhase: e.currentTarget.value })}
            >
              <option value="">{t('filters.any')}</option>
              {categories?.lifePhases.map((p) => (
                <option key={p.id} value={p.id}>
                  {nameIn(l, p)}
                </option>
              ))}
            </select>
          </div>
          <div class="ww-field">
            <label for="ww-group">{t('filters.targetGroup')}</label>
            <select
              id="ww-group"
              value={state.targetGroup}
              onChange={(e) => navigate({ targetGroup: e.currentTarget.value })}
            >
              <option value="">{t('filters.any')}</option>
              {categories?.targetGroups.map((g) => (
                <option key={g.id} value={g.id}>
                  {nameIn(l, g)}
                </option>
              ))}
            </select>
          </div>
          <div class="ww-field">
            <label for="ww-language">{t('filters.language')}</label>
            <input
              id="ww-language"
              type="text"
              size={8}
              maxLength={3}
              placeholder={t('filters.languagePlaceholder')}
              value={state.language}
              onChange={(e) => navigate({ language: e.currentTarget.value.trim().toLowerCase() })}
            />
          </div>
          <div class="ww-field ww-check">
            <input
              id="ww-accessible"
              type="checkbox"
              checked={state.accessible}
              onChange={(e) => navigate({ accessible: e.currentTarget.checked })}
            />
            <label for="ww-accessible">{t('filters.accessible')}</label>
          </div>
        </div>
      </details>
    </div>
  );
}
