import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AreaCollection, AreaFeature } from '../api/types.ts';
import type { MissingKind } from '../lib/area-rows.ts';
import { boundsOf, type Bounds } from '../lib/geometry.ts';
import { AreaLabels } from './area-labels.ts';
import {
  AREA_SOURCE,
  EMPTY_FILL,
  FILL_LAYER,
  HIGHLIGHT_SOURCE,
  MISSING_SOURCE,
  areaLayers,
  blankStyle,
  patternImages,
} from './map-style.ts';

maplibregl.setWorkerUrl(workerUrl);
// Start the worker while the data is still loading.
maplibregl.prewarm();

export interface AreaStyle {
  fill: string | null;
  missing: MissingKind | null;
}

export interface ControllerEvents {
  onHover(key: string | null, point: { x: number; y: number } | null): void;
  onClick(key: string, additive: boolean): void;
  onBasemapError(): void;
}

type GeoJsonData = Parameters<maplibregl.GeoJSONSource['setData']>[0];
const GERMANY: Bounds = [5.87, 47.27, 15.04, 55.06];
const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/**
 * The imperative MapLibre side of the choropleth. Geometry is uploaded once per level (and parent);
 * class colours are feature state, so a new indicator, period or classification never re-tiles the
 * geometry. Missing values and highlights live in small extra sources holding only those areas.
 * Together that keeps all 11,000 Gemeinden fluid.
 */
export class ChoroplethController {
  readonly map: maplibregl.Map;
  private ready: Promise<void>;
  private styles = new Map<string, AreaStyle>();
  private features = new Map<string, AreaFeature>();
  private missingSignature = '';
  private selected: string[] = [];
  private hovered: string | null = null;
  private bounds: Bounds | null = null;
  private readonly labels: AreaLabels;
  private destroyed = false;
  private readonly idleWaiters = new Set<() => void>();

  constructor(
    container: HTMLElement,
    basemap: string | null,
    private events: ControllerEvents,
  ) {
    this.map = new maplibregl.Map({
      container,
      style: basemap ?? blankStyle(),
      bounds: GERMANY,
      fitBoundsOptions: { padding: 16 },
      attributionControl: basemap ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // Keeps the canvas readable for a PNG export of the map.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      maxZoom: 16,
    });
    this.labels = new AreaLabels(this.map);
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.ready = new Promise((resolve) => {
      let withBasemap = basemap !== null;
      const onError = () => {
        // A basemap that cannot be loaded (offline, wrong URL) must not cost the planner the map.
        if (!withBasemap || this.map.isStyleLoaded()) return;
        withBasemap = false;
        this.map.setStyle(blankStyle());
        this.events.onBasemapError();
      };
      this.map.on('error', onError);
      this.map.once('style.load', () => {
        this.map.off('error', onError);
        this.addLayers(withBasemap);
        resolve();
      });
    });
    this.listen();
  }

  /** Replaces the geometry (a new level or parent) and fits the view to it. */
  async setAreas(collection: AreaCollection): Promise<void> {
    await this.ready;
    this.map.removeFeatureState({ source: AREA_SOURCE });
    this.styles.clear();
    this.missingSignature = '';
    this.hovered = null;
    this.features = new Map(collection.features.map((f) => [f.properties.key, f]));
    this.source(AREA_SOURCE).setData(collection as unknown as GeoJsonData);
    this.source(MISSING_SOURCE).setData(EMPTY);
    this.updateHighlight();
    this.bounds = boundsOf(collection.features);
    this.fitAll(false);
    this.labels.setAreas(collection.features);
  }

  /** Applies the colour of every area (touching only those that changed) and hatches the missing ones. */
  async setStyles(styles: ReadonlyMap<string, AreaStyle>): Promise<void> {
    await this.ready;
    for (const [key, style] of styles) {
      if (this.styles.get(key)?.fill === style.fill) continue;
      // An explicit colour: a null state would not fall through the coalesce to the default.
      this.map.setFeatureState({ source: AREA_SOURCE, id: key }, { fill: style.fill ?? EMPTY_FILL });
    }
    this.styles = new Map(styles);
    const missing = [...styles].filter(([, s]) => s.missing === 'missing' || s.missing === 'suppressed');
    const signature = missing.map(([key, s]) => `${key}:${s.missing}`).join(',');
    if (signature === this.missingSignature) return;
    this.missingSignature = signature;
    this.source(MISSING_SOURCE).setData(this.subset(missing.map(([key, s]) => [key, { kind: s.missing }])));
  }

  async setSelected(keys: readonly string[]): Promise<void> {
    await this.ready;
    if (keys.join(',') === this.selected.join(',')) return;
    this.selected = [...keys];
    this.updateHighlight();
  }

  async setHover(key: string | null): Promise<void> {
    await this.ready;
    if (key === this.hovered) return;
    this.hovered = key;
    this.updateHighlight();
  }

  showLabels(show: boolean): void {
    this.labels.setEnabled(show);
  }

  fitAll(animate = true): void {
    if (this.bounds) this.map.fitBounds(this.bounds, { padding: 24, animate, maxZoom: 13 });
  }

  /** Brings some areas into view (e.g. a row chosen in the table). */
  zoomTo(keys: readonly string[]): void {
    const features = keys.map((k) => this.features.get(k)).filter((f): f is AreaFeature => f !== undefined);
    const bounds = boundsOf(features);
    if (bounds) this.map.fitBounds(bounds, { padding: 60, maxZoom: 12, duration: 600 });
  }

  zoomBy(delta: number): void {
    this.map.easeTo({ zoom: this.map.getZoom() + delta, duration: 250 });
  }

  /** Resolves once the map has drawn everything it was given. */
  whenIdle(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.add(resolve);
      this.map.once('idle', () => {
        this.idleWaiters.delete(resolve);
        resolve();
      });
      this.map.triggerRepaint();
    });
  }

  destroy(): void {
    this.destroyed = true;
    // Whoever waits for this map to draw must not wait forever once it is gone.
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
    this.map.remove();
  }

  private source(id: string): maplibregl.GeoJSONSource {
    return this.map.getSource(id) as maplibregl.GeoJSONSource;
  }

  private subset(entries: [string, Record<string, unknown>][]): GeoJsonData {
    const features = entries.flatMap(([key, properties]) => {
      const feature = this.features.get(key);
      return feature?.geometry
        ? [{ type: 'Feature', geometry: feature.geometry, properties: { key, ...properties } }]
        : [];
    });
    return { type: 'FeatureCollection', features } as GeoJsonData;
  }

  private updateHighlight(): void {
    const entries: [string, Record<string, unknown>][] = this.selected.map((key) => [
      key,
      { selected: true },
    ]);
    if (this.hovered && !this.selected.includes(this.hovered))
      entries.push([this.hovered, { selected: false }]);
    this.source(HIGHLIGHT_SOURCE).setData(this.subset(entries));
  }

  private addLayers(withBasemap: boolean): void {
    for (const { name, image } of patternImages()) {
      if (!this.map.hasImage(name)) this.map.addImage(name, image, { pixelRatio: 1 });
    }
    this.map.addSource(AREA_SOURCE, {
      type: 'geojson',
      data: EMPTY,
      promoteId: 'key',
      tolerance: 0.4,
      buffer: 16,
    });
    this.map.addSource(MISSING_SOURCE, { type: 'geojson', data: EMPTY, tolerance: 0.4 });
    this.map.addSource(HIGHLIGHT_SOURCE, { type: 'geojson', data: EMPTY, tolerance: 0.2 });
    for (const layer of areaLayers(withBasemap)) this.map.addLayer(layer as maplibregl.AddLayerObject);
  }

  private listen(): void {
    let frame = 0;
    this.map.on('mousemove', FILL_LAYER, (e) => {
      const key = e.features?.[0]?.id;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.events.onHover(typeof key === 'string' ? key : null, e.point));
    });
    this.map.on('mouseleave', FILL_LAYER, () => {
      cancelAnimationFrame(frame);
      this.events.onHover(null, null);
    });
    this.map.on('click', FILL_LAYER, (e) => {
      const key = e.features?.[0]?.id;
      const original = e.originalEvent;
      if (typeof key === 'string')
        this.events.onClick(key, original.ctrlKey || original.metaKey || original.shiftKey);
    });
  }
}
