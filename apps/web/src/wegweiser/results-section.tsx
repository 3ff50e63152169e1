import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../lib/format.ts';
import { addressLine, nameIn, portalApi, type DirectoryService } from './portal-api.ts';
import { searchParams } from './portal-state.ts';
import { highlighted, hrefFor, lang, navigate, portalState, t } from './portal-store.ts';
import type { Places } from './places.ts';
import { ResultsMap } from './results-map.tsx';
import { travelText } from './travel-text.ts';

const PAGE = 25;

interface Results {
  key: string;
  total: number;
  items: DirectoryService[];
  travelError?: string;
}

/** The place the search runs around, in words. */
export function placeName(places: Places | null): string {
  const { place } = portalState.value;
  if (place === 'me') return t('where.myPosition');
  if (place.startsWith('addr:')) return place.slice('addr:'.length);
  return places?.byId.get(place)?.name ?? '';
}

/** The result list (the keyboard path) and the map that mirrors it. */
export function ResultsSection({ places }: { places: Places | null }) {
  const state = portalState.value;
  const l = lang.value;
  const params = searchParams(state);
  const key = params.toString();
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    params.set('limit', String(PAGE));
    portalApi.search(params, abort.signal).then(
      (r) => setResults({ key, total: r.total, items: r.items, travelError: r.travelError }),
      (e: Error) => {
        if (!abort.signal.aborted) setError(e.message);
      },
    );
    return () => abort.abort();
  }, [key]);

  const more = async () => {
    if (!results) return;
    setLoadingMore(true);
    const next = searchParams(state);
    next.set('limit', String(PAGE));
    next.set('offset', String(results.items.length));
    try {
      const page = await portalApi.search(next);
      const first = results.items.length;
      setResults({ ...results, items: results.items.concat(page.items) });
      // Keyboard users land on the first new entry instead of the top of the page.
      requestAnimationFrame(() =>
        listRef.current?.querySelectorAll<HTMLAnchorElement>('.ww-card a.ww-open')[first]?.focus(),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };

  const current = results?.key === key ? results : null;
  const withPoint = state.lat !== null && state.lon !== null;
  const point = withPoint ? { lat: state.lat!, lon: state.lon! } : null;
  const selectFromMap = (id: string) => {
    highlighted.value = id;
    const link = listRef.current?.querySelector<HTMLAnchorElement>(`[data-id="${CSS.escape(id)}"] a.ww-open`);
    link?.scrollIntoView({ block: 'nearest' });
    link?.focus({ preventScroll: true });
  };
  const countText = current
    ? current.total === 0
      ? t('results.none')
      : `${current.total === 1 ? t('results.count1') : t('results.count', { count: current.total.toLocaleString(l) })}${withPoint ? ` ${t('results.nearest')}` : ''}`
    : t('app.loading');
  const where = placeName(places);

  return (
    <section class="ww-results" aria-labelledby="ww-results-heading">
      <h2 id="ww-results-heading">{t('results.heading')}</h2>
      {withPoint && where && (
        <p class="ww-around">
          {t('where.around', { place: where })}
          {state.radius !== null && ` (${t('where.radiusKm', { km: state.radius })})`}{' '}
          <button
            type="button"
            class="ww-link-button"
            onClick={() => navigate({ lat: null, lon: null, place: '', radius: null })}
          >
            {t('where.forget')}
          </button>
        </p>
      )}
      <p id="ww-count" class="ww-count" role="status" aria-live="polite" data-total={current?.total ?? ''}>
        {countText}
      </p>
      {error && <p role="alert">{t('app.error', { message: error })}</p>}
      {current?.travelError && <p class="ww-hint ww-travel-error">{t('travel.unavailable')}</p>}
      <div class="ww-split">
        <div class="ww-list-wrap">
          <ol
            id="ww-results"
            class="ww-list"
            ref={listRef}
            tabIndex={-1}
            aria-labelledby="ww-results-heading"
            data-key={current?.key ?? ''}
          >
            {current?.items.map((item) => (
              <ResultCard key={item.id} item={item} />
            ))}
          </ol>
          {current && current.items.length < current.total && (
            <p class="ww-more">
              {t('results.shown', { shown: current.items.length, total: current.total })}{' '}
              <button type="button" onClick={() => void more()} disabled={loadingMore}>
                {t('results.more')}
              </button>
            </p>
          )}
        </div>
        <div class="ww-map-wrap">
          <p id="ww-map-hint" class="ww-hint">
            {t('map.hint')}
          </p>
          <ResultsMap
            items={current?.items ?? []}
            selectedId={highlighted.value}
            point={point}
            outlines={places?.outlines ?? null}
            label={t('map.label')}
            hintId="ww-map-hint"
            clusterLabel={(count) => t('map.cluster', { count: count.toLocaleString(l) })}
            onSelect={selectFromMap}
          />
        </div>
      </div>
    </section>
  );
}

function ResultCard({ item }: { item: DirectoryService }) {
  const l = lang.value;
  const selected = highlighted.value === item.id;
  const mark = () => (highlighted.value = item.id);
  return (
    <li
      class={`ww-card${selected ? ' is-selected' : ''}`}
      data-id={item.id}
      onMouseEnter={mark}
      onFocusIn={mark}
    >
      <h3>
        <a
          class="ww-open"
          href={hrefFor({ entry: item.id })}
          onClick={(e) => {
            e.preventDefault();
            navigate({ entry: item.id });
          }}
        >
          {item.name}
        </a>
      </h3>
      <p class="ww-card-category">{nameIn(l, item.category) || item.category.id}</p>
      {addressLine(item) && <p>{addressLine(item)}</p>}
      <p class="ww-card-facts">
        {item.distanceKm !== undefined && (
          <span class="ww-distance">
            {t('results.distance', { km: formatNumber(item.distanceKm, 1, l) })}
          </span>
        )}
        {travelText(item.travel, l) && <span class="ww-travel">{travelText(item.travel, l)}</span>}
        {item.capacity !== null && <span>{t('results.places', { count: item.capacity })}</span>}
        {item.contact.phone && <span>{t('results.phone', { phone: item.contact.phone })}</span>}
      </p>
    </li>
  );
}
