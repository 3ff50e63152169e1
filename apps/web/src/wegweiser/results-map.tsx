import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'preact/hooks';
import type { AreaCollection } from '../api/types.ts';
import { blankStyle } from '../map/map-style.ts';
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
export function ResultsMap({ items, selectedId, point, outlines, label, hintId, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const ready = useRef<Promise<void> | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

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
          id: 'clusters',
          type: 'circle',
          source: 'results',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': '#2f6f9f',
            'circle-opacity': 0.85,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
            'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 22, 200, 28],
          },
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
        m.on('click', 'clusters', (event) => {
          const feature = event.features?.[0];
          const source = m.getSource<maplibregl.GeoJSONSource>('results');
          const clusterId = feature?.properties?.cluster_id as number | undefined;
          if (!feature || !source || clusterId === undefined) return;
          void source.getClusterExpansionZoom(clusterId).then((zoom) => {
            const [lon, lat] = (feature.geometry as { coordinates: number[] }).coordinates as [
              number,
              number,
            ];
            m.easeTo({ center: [lon, lat], zoom });
          });
        });
        for (const layer of ['points', 'clusters']) {
          m.on('mouseenter', layer, () => (m.getCanvas().style.cursor = 'pointer'));
          m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = ''));
        }
        resolve();
      }),
    );
    return () => {
      map.current = null;
      m.remove();
    };
  }, []);

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
