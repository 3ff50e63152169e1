import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AreaFeature } from '../api/types.ts';
import { labelPoint } from '../lib/label-point.ts';

/** More names than this in view would be clutter: then none are shown until the planner zooms in. */
const MAX_VISIBLE = 250;

interface Anchor {
  name: string;
  at: [number, number];
  size: number;
}

/**
 * Area names over the map as HTML (the map has no font server, so no symbol layers): the largest
 * areas first, a name only where it does not overlap one already placed. Decorative for screen
 * readers: the table lists every name.
 */
export class AreaLabels {
  private anchors: Anchor[] = [];
  private enabled = true;
  private frame = 0;
  private readonly layer: HTMLDivElement;

  constructor(private readonly map: MapLibreMap) {
    this.layer = document.createElement('div');
    this.layer.className = 'map-labels';
    this.layer.setAttribute('aria-hidden', 'true');
    map.getContainer().append(this.layer);
    const schedule = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.render());
    };
    map.on('move', schedule);
    map.on('resize', schedule);
  }

  setAreas(features: readonly AreaFeature[]): void {
    this.anchors = features
      .map((f) => ({ name: f.properties.name, point: labelPoint(f.geometry) }))
      .filter((a): a is { name: string; point: NonNullable<typeof a.point> } => a.point !== null)
      .map((a) => ({ name: a.name, at: a.point.at, size: a.point.size }))
      .sort((a, b) => b.size - a.size);
    this.render();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.render();
  }

  private render(): void {
    if (!this.enabled) {
      this.layer.replaceChildren();
      return;
    }
    const bounds = this.map.getBounds();
    const visible = this.anchors.filter((a) => bounds.contains(a.at));
    if (visible.length > MAX_VISIBLE) {
      this.layer.replaceChildren();
      return;
    }
    const placed: [number, number, number, number][] = [];
    const labels: HTMLSpanElement[] = [];
    for (const anchor of visible) {
      const p = this.map.project(anchor.at);
      const width = anchor.name.length * 6.4 + 6;
      const box: [number, number, number, number] = [p.x - width / 2, p.y - 8, p.x + width / 2, p.y + 8];
      if (placed.some((o) => box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1])) continue;
      placed.push(box);
      const label = document.createElement('span');
      label.className = 'map-label';
      label.textContent = anchor.name;
      label.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
      labels.push(label);
    }
    this.layer.replaceChildren(...labels);
  }
}
