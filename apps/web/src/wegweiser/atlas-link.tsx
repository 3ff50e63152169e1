import { useEffect, useState } from 'preact/hooks';
import { isPolygonal } from '../../../../packages/core/src/geo/merge.ts';
import { pointInPolygon } from '../../../../packages/core/src/geo/point-in-polygon.ts';
import type { AreaCollection } from '../api/types.ts';
import type { CategoriesResponse, DirectoryService } from './portal-api.ts';
import { lang, t } from './portal-store.ts';
import type { Places } from './places.ts';

/**
 * The planning indicator that measures the supply of a category per area, by category id (an entry
 * counts for its category and every ancestor, nearest first). These are the demo's indicators; a link
 * is only shown when the installation's catalogue has the indicator.
 */
const SUPPLY_INDICATORS: Record<string, string> = {
  care: 'pflegeplaetze_je_1000_65plus_berlin',
  kita: 'kita_plaetze_berlin',
  'youth-centre': 'jugendfreizeit_plaetze_berlin',
};

/** The category and its ancestors, nearest first. */
export function categoryPath(categories: CategoriesResponse | null, id: string): string[] {
  const path: string[] = [];
  for (let at: string | null = id; at !== null && !path.includes(at);) {
    path.push(at);
    at = categories?.categories.find((c) => c.id === at)?.parentId ?? null;
  }
  return path;
}

/** The district whose outline holds the point (outlines as the portal loads them, slightly simplified). */
export function districtAt(outlines: AreaCollection, point: { lon: number; lat: number }): string | null {
  const hit = outlines.features.find(
    (f) => isPolygonal(f.geometry) && pointInPolygon([point.lon, point.lat], f.geometry),
  );
  return hit?.properties.key ?? null;
}

/** "Versorgung in diesem Bezirk im Sozialatlas": the atlas on the supply indicator, the entry's district. */
export function AtlasLink({
  service,
  places,
  categories,
}: {
  service: DirectoryService;
  places: Places | null;
  categories: CategoriesResponse | null;
}) {
  const [indicator, setIndicator] = useState<string | null>(null);
  const location = service.facility?.location;
  const level = places?.groups[0]?.district.id.split(':')[0];
  const district = location && places ? districtAt(places.outlines, location) : null;
  const candidate =
    categoryPath(categories, service.category.id)
      .map((id) => SUPPLY_INDICATORS[id])
      .find(Boolean) ?? null;

  useEffect(() => {
    setIndicator(null);
    if (!candidate) return;
    const abort = new AbortController();
    // Only an indicator the catalogue has (and this visitor may read) gets a link.
    fetch(`/api/v1/indicators/${encodeURIComponent(candidate)}`, { signal: abort.signal }).then(
      (response) => setIndicator(response.ok ? candidate : null),
      () => undefined,
    );
    return () => abort.abort();
  }, [candidate]);

  if (!indicator || !district || !level) return null;
  // `sel` selects the district in the atlas, whose panel then shows its value and facts.
  const query = new URLSearchParams({ indicator, level, sel: district });
  if (lang.value !== 'de') query.set('lang', lang.value);
  return (
    <p class="ww-atlas-link no-print">
      <a href={`/?${query}`} data-indicator={indicator} data-area={district}>
        {t('detail.atlasLink')}
      </a>
    </p>
  );
}
