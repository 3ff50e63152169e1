// The baseline page's script (maplibre-baseline.html). A file of its own because the server's
// Content-Security-Policy allows scripts only from its own origin, never inline.
/* global URLSearchParams, location, document, fetch, window, performance */
import * as maplibregl from '/bench/maplibre-gl.mjs';

maplibregl.setWorkerUrl('/bench/maplibre-gl-worker.mjs');
const params = new URLSearchParams(location.search);
const level = params.get('level');
const simplify = params.get('simplify');
const container = document.getElementById('map');
container.style.width = `${params.get('width')}px`;
container.style.height = `${params.get('height')}px`;
const COLOURS = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];

const json = (url) =>
  fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json();
  });
const valuesOf = (indicator) => json(`/api/v1/indicators/${indicator}/values?level=${level}`);
const idle = (map) => new Promise((resolve) => map.once('idle', resolve));

const map = new maplibregl.Map({
  container,
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f7f9fb' } }],
  },
  bounds: [5.87, 47.27, 15.04, 55.06],
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
const loaded = new Promise((resolve) => map.once('load', resolve));
const areasUrl = `/api/v1/levels/${level}/areas${simplify ? `?simplify=${simplify}` : ''}`;
const [areas, values] = await Promise.all([json(areasUrl), valuesOf(params.get('indicator')), loaded]);

function colour(data) {
  const sorted = data.values
    .map((v) => v.value)
    .filter((v) => v !== null)
    .sort((a, b) => a - b);
  const breaks = [1, 2, 3, 4].map((i) => sorted[Math.floor((i * sorted.length) / 5)]);
  for (const v of data.values) {
    const fill = v.value === null ? '#d9d9d9' : COLOURS[breaks.filter((b) => v.value >= b).length];
    map.setFeatureState({ source: 'areas', id: v.areaKey }, { fill });
  }
}

map.addSource('areas', { type: 'geojson', data: areas, promoteId: 'key', tolerance: 0.4, buffer: 16 });
map.addLayer({
  id: 'area-fill',
  type: 'fill',
  source: 'areas',
  paint: {
    'fill-color': ['coalesce', ['feature-state', 'fill'], '#d5dbe2'],
    'fill-outline-color': 'rgba(255, 255, 255, 0.55)',
  },
});
colour(values);
const bounds = new maplibregl.LngLatBounds();
for (const f of areas.features) if (f.geometry) for (const p of points(f.geometry)) bounds.extend(p);
map.fitBounds(bounds, { padding: 24, animate: false });
await idle(map);

window.__bench = {
  map,
  areas: areas.features.length,
  renderedAt: performance.now(),
  /** Milliseconds from the call to the map drawn with the other indicator. */
  async switchTo(indicator) {
    const start = performance.now();
    colour(await valuesOf(indicator));
    await idle(map);
    return performance.now() - start;
  },
};

function* points(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) yield* ring;
}
