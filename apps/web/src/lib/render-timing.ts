/**
 * Marks each finished map render on the map element (data-render-key, data-render-count) and in
 * `window.__atlasRenders`, so browser tests and the benchmark can wait for and time real renders.
 */
export interface RenderMark {
  key: string;
  areas: number;
  /** Milliseconds since navigation start. */
  at: number;
}

declare global {
  interface Window {
    __atlasRenders?: RenderMark[];
    __atlasMap?: unknown;
  }
}

/** Browser tests and the benchmark read the map's zoom and style through this handle. */
export function exposeMap(controller: unknown): void {
  window.__atlasMap = controller;
}

export function recordRender(element: HTMLElement, key: string, areas: number): void {
  const marks = (window.__atlasRenders ??= []);
  marks.push({ key, areas, at: performance.now() });
  element.dataset.renderKey = key;
  element.dataset.renderCount = String(marks.length);
  performance.mark('atlas:map-rendered', { detail: { key, areas } });
}
