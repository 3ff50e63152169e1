import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'preact/hooks';
import type { AreaCollection } from '../api/types.ts';
import { blankStyle } from '../map/map-style.ts';
import { ClusterMarkers } from './cluster-markers.ts';
import type { DirectoryService } from './portal-api.ts';

maplibregl.setWorkerUrl(workerUrl);

const BERLIN: [number, number, number, number] = [13.08, 52.33, 13.77, 52.68];
const EMPTY = { type: 'FeatureCollection' as const, features: [] };
type GeoJsonData = Parameters<maplibregl.GeoJSONSource['setData']>[0];

interface Props {
  items: DirectoryService[];
  selectedId: string | null;
  point: { lat: number; lon: number } | null;
  outlines: AreaCollection | null;
  label: string;
  hintId: string;
  /** The accessible name of a cluster's button, e.g. "12 Treffer an dieser Stelle. Vergrößern". */
  clusterLabel(count: number): string;
  onSelect(id: string): void;
}

function pointsOf(items: DirectoryService[]): GeoJsonData {
  return {
    type: 'FeatureCollection',
    features: items.flatMap((item) =>
      item.facility?.location
        ? [
            {
              type: 'Feature' as const,
              properties: { id: item.id },
              geometry: {
                type: 'Point' as const,
                coordinates: [item.facility.location.lon, item.facility.location.lat],
              },
            },
          ]
        : [],
    ),
  };
}

/**
 * The map mirrors the result list: the same entries as clustered points (no basemap is fetched, the
 * district outlines give orientation). Clicking a point selects its list entry; selecting an entry in
 * the list marks its point. The list is the keyboard path, the map only repeats it.
 */
export function ResultsMap({
  items,
  selectedId,
  point,
  outlines,
  label,
  hintId,
  clusterLabel,
  onSelect,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const clusters = useRef<ClusterMarkers | null>(null);
  const ready = useRef<Promise<void> | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const labelOf = useRef(clusterLabel);
  labelOf.current = clusterLabel;

  useEffect(() => {
    const m = new maplibregl.Map({
      container: container.current!,
      style: blankStyle(),
      bounds: BERLIN,
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxZoom: 17,
    });
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.current = m;
    ready.current = new Promise((resolve) =>
      m.on('load', () => {
        m.addSource('outlines', { type: 'geojson', data: EMPTY });
        m.addSource('results', {
          type: 'geojson',
          data: EMPTY,
          cluster: true,
          clusterRadius: 40,
          clusterMaxZoom: 14,
        });
        m.addSource('selected', { type: 'geojson', data: EMPTY });
        m.addSource('search-point', { type: 'geojson', data: EMPTY });
        m.addLayer({
          id: 'outlines',
          type: 'line',
          source: 'outlines',
          paint: { 'line-color': '#8a96a3', 'line-width': 1 },
        });
        m.addLayer({
          id: 'points',
          type: 'circle',
          source: 'results',
          filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-color': '#0b4f7c',
            'circle-radius': 6,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
          },
        });
        m.addLayer({
          id: 'search-point',
          type: 'circle',
          source: 'search-point',
          paint: {
            'circle-color': '#ffffff',
            'circle-radius': 7,
            'circle-stroke-color': '#b3261e',
            'circle-stroke-width': 4,
          },
        });
        m.addLayer({
          id: 'selected',
          type: 'circle',
          source: 'selected',
          paint: {
            'circle-color': '#d9480f',
            'circle-radius': 10,
            'circle-stroke-color': '#111111',
            'circle-stroke-width': 3,
          },
        });
        m.on('click', 'points', (event) => {
          const id = event.features?.[0]?.properties?.id as string | undefined;
          if (id) select.current(id);
        });
        // Clusters are buttons (count as text, reachable by Tab): Enter zooms in; focus stays on the
        // cluster the entries went into, or, once they stand alone, moves to the first one's card.
        const markers = new ClusterMarkers(
          m,
          'results',
          () => labelOf.current,
          (ids, center) => {
            const next = markers.nearest(center);
            if (next) next.focus();
            else if (ids[0]) select.current(ids[0]);
          },
        );
        clusters.current = markers;
        m.on('sourcedata', (event) => {
          if (event.sourceId === 'results' && event.isSourceLoaded) markers.sync();
        });
        m.on('moveend', () => {
          markers.sync();
          container.current?.setAttribute('data-zoom', m.getZoom().toFixed(2));
        });
        for (const layer of ['points']) {
          m.on('mouseenter', layer, () => (m.getCanvas().style.cursor = 'pointer'));
          m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = ''));
        }
        resolve();
      }),
    );
    return () => {
      map.current = null;
      clusters.current?.clear();
      m.remove();
    };
  }, []);

  // A new language relabels the buttons.
  useEffect(() => clusters.current?.sync(), [label]);

  useEffect(() => {
    const canvas = map.current?.getCanvas();
    canvas?.setAttribute('aria-label', label);
    canvas?.setAttribute('aria-describedby', hintId);
  }, [label, hintId]);

  useEffect(() => {
    void ready.current?.then(() => {
      map.current?.getSource<maplibregl.GeoJSONSource>('outlines')?.setData(outlines ?? EMPTY);
    });
  }, [outlines]);

  useEffect(() => {
    void ready.current?.then(() => {
      const m = map.current;
      if (!m) return;
      clusters.current?.clear();
      m.getSource<maplibregl.GeoJSONSource>('results')?.setData(pointsOf(items));
      m.getSource<maplibregl.GeoJSONSource>('search-point')?.setData(
        point
          ? {
              type: 'Feature',
              properties: {},
              geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
            }
          : EMPTY,
      );
      const bounds = new maplibregl.LngLatBounds();
      for (const item of items) if (item.facility?.location) bounds.extend(item.facility.location);
      if (point) bounds.extend(point);
      if (!bounds.isEmpty()) m.fitBounds(bounds, { padding: 40, maxZoom: 15, duration: 0 });
    });
  }, [items, point?.lat, point?.lon]);

  useEffect(() => {
    void ready.current?.then(() => {
      const m = map.current;
      if (!m) return;
      const item = items.find((i) => i.id === selectedId);
      const location = item?.facility?.location;
      m.getSource<maplibregl.GeoJSONSource>('selected')?.setData(
        location
          ? {
              type: 'Feature',
              properties: { id: item.id },
              geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
            }
          : EMPTY,
      );
      if (location && !m.getBounds().contains(location)) m.easeTo({ center: location });
    });
  }, [selectedId, items]);

  return <div class="ww-map" ref={container} data-points={items.length} />;
}
