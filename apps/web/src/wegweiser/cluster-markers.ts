import * as maplibregl from 'maplibre-gl';

interface ClusterProperties {
  cluster_id: number;
  point_count: number;
}

/**
 * The clusters of a clustered GeoJSON source as buttons on the map: the blank style has no glyphs,
 * so a symbol layer could not print the count, and buttons are also reachable by keyboard. Enter (or
 * a click) zooms to where the cluster breaks up; `onExpanded` then gets the ids of its entries.
 */
export class ClusterMarkers {
  readonly #markers = new Map<number, maplibregl.Marker>();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly sourceId: string,
    private readonly label: () => (count: number) => string,
    private readonly onExpanded: (ids: string[], center: [number, number]) => void,
  ) {}

  /** Drops every button: cluster ids are only valid for the data they were made from. */
  clear(): void {
    for (const marker of this.#markers.values()) marker.remove();
    this.#markers.clear();
  }

  /** One button per cluster in the loaded tiles (a cluster crossing tiles comes back once per tile). */
  sync(): void {
    if (!this.map.getSource(this.sourceId) || !this.map.isSourceLoaded(this.sourceId)) return;
    const seen = new Set<number>();
    const label = this.label();
    for (const feature of this.map.querySourceFeatures(this.sourceId, { filter: ['has', 'point_count'] })) {
      const { cluster_id: id, point_count: count } = feature.properties as ClusterProperties;
      if (seen.has(id)) continue;
      seen.add(id);
      const [lon, lat] = (feature.geometry as { coordinates: number[] }).coordinates as [number, number];
      let marker = this.#markers.get(id);
      if (!marker) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'ww-cluster';
        button.addEventListener('click', () => void this.#expand(id, [lon, lat]));
        marker = new maplibregl.Marker({ element: button }).setLngLat([lon, lat]).addTo(this.map);
        this.#markers.set(id, marker);
      }
      const button = marker.getElement();
      button.textContent = count.toLocaleString(document.documentElement.lang || 'de');
      button.setAttribute('aria-label', label(count));
      button.dataset.count = String(count);
      button.dataset.clusterId = String(id);
    }
    for (const [id, marker] of this.#markers)
      if (!seen.has(id)) {
        marker.remove();
        this.#markers.delete(id);
      }
  }

  async #expand(id: number, center: [number, number]): Promise<void> {
    const source = this.map.getSource<maplibregl.GeoJSONSource>(this.sourceId);
    if (!source) return;
    const [zoom, leaves] = await Promise.all([
      source.getClusterExpansionZoom(id),
      source.getClusterLeaves(id, Infinity, 0),
    ]);
    const ids = leaves.map((leaf) => String(leaf.properties?.id ?? ''));
    this.map.once('idle', () => {
      this.sync();
      this.onExpanded(ids, center);
    });
    this.map.jumpTo({ center, zoom: Math.max(zoom, this.map.getZoom() + 1) });
  }

  /** The button of the cluster nearest to a point on screen, within `maxPx`. */
  nearest(center: [number, number], maxPx = 48): HTMLButtonElement | null {
    const at = this.map.project(center);
    let best: { button: HTMLButtonElement; d: number } | null = null;
    for (const marker of this.#markers.values()) {
      const d = at.dist(this.map.project(marker.getLngLat()));
      if (d <= maxPx && (!best || d < best.d)) best = { button: marker.getElement() as HTMLButtonElement, d };
    }
    return best?.button ?? null;
  }
}
