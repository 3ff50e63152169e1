import type { StyleSpecification } from 'maplibre-gl';

export const AREA_SOURCE = 'areas';
export const FILL_LAYER = 'area-fill';

export const NO_DATA_FILL = '#d9d9d9';
export const EMPTY_FILL = '#d5dbe2';
const HATCH_BACKGROUND = '#f2f2f2';
const HATCH_LINE = '#8c8c8c';
const CROSS_LINE = '#595959';

/** The map without a basemap: a plain background, no tiles, no fonts, nothing fetched. */
export function blankStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f7f9fb' } }],
  };
}

export const MISSING_SOURCE = 'missing-areas';
export const HIGHLIGHT_SOURCE = 'highlighted-areas';

/**
 * Our layers, added on top of any style. Every layer over all areas costs a full pass per frame
 * (11,000 Gemeinden), so there is only one: the fill, with its outline, coloured from feature state.
 * Hatching and highlights draw small sources that hold only the areas concerned.
 */
export function areaLayers(withBasemap: boolean) {
  return [
    {
      id: FILL_LAYER,
      type: 'fill' as const,
      source: AREA_SOURCE,
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'fill'], EMPTY_FILL],
        'fill-opacity': withBasemap ? 0.78 : 1,
        'fill-outline-color': 'rgba(255, 255, 255, 0.55)',
      },
    },
    {
      id: 'area-missing',
      type: 'fill' as const,
      source: MISSING_SOURCE,
      paint: { 'fill-pattern': ['match', ['get', 'kind'], 'suppressed', 'crosshatch', 'hatch'] },
    },
    {
      id: 'area-selected-halo',
      type: 'line' as const,
      source: HIGHLIGHT_SOURCE,
      filter: ['==', ['get', 'selected'], true],
      paint: { 'line-color': '#ffffff', 'line-width': 5 },
    },
    {
      id: 'area-highlight',
      type: 'line' as const,
      source: HIGHLIGHT_SOURCE,
      paint: {
        'line-color': '#111111',
        'line-width': ['case', ['==', ['get', 'selected'], true], 2.5, 1.5],
      },
    },
  ];
}

/** Pattern images for missing (diagonal hatch) and confidential values (cross-hatch). */
export function patternImages(): {
  name: string;
  image: { width: number; height: number; data: Uint8Array };
}[] {
  return [
    { name: 'hatch', image: hatch(8, false, HATCH_LINE) },
    { name: 'crosshatch', image: hatch(8, true, CROSS_LINE) },
  ];
}

function hatch(size: number, cross: boolean, line: string) {
  const data = new Uint8Array(size * size * 4);
  const bg = rgb(HATCH_BACKGROUND);
  const fg = rgb(line);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on =
        (x + y) % size === 0 || (x + y) % size === size - 1 || (cross && (x - y + size) % size === 0);
      data.set([...(on ? fg : bg), 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

function rgb(colour: string): number[] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}
