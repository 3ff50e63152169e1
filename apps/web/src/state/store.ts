import { computed, signal } from '@preact/signals';
import { translate, type MessageKey } from '../i18n/i18n.ts';
import type { Lang } from '../lib/format.ts';
import { parseViewState, serializeViewState } from './url-state.ts';
import type { ViewState } from './view-state.ts';

/** The view state, one signal, mirrored in the URL. */
export const viewState = signal<ViewState>(parseViewState(location.search));

/**
 * Changes the view state and the URL. `push` adds a history entry (a new indicator, level or area
 * selection the planner may want to go back from); small adjustments replace the current one.
 */
export function updateView(patch: Partial<ViewState>, mode: 'push' | 'replace' = 'replace'): void {
  const next = { ...viewState.value, ...patch };
  viewState.value = next;
  const url = `${location.pathname}${serializeViewState(next)}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** The URL of the view with `patch` applied: real links, so pages open in a new tab too. */
export function hrefFor(patch: Partial<ViewState>): string {
  return `${location.pathname}${serializeViewState({ ...viewState.value, ...patch })}`;
}

/**
 * Follows an in-app link without reloading; modified clicks (new tab, new window) are left to the
 * browser. Focus moves to the new page's main region so screen readers announce it.
 */
export function followLink(event: MouseEvent, patch: Partial<ViewState>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  updateView(patch, 'push');
  requestAnimationFrame(() => document.getElementById('main')?.focus());
}

export function listenToHistory(): () => void {
  const onPop = () => {
    viewState.value = parseViewState(location.search);
  };
  addEventListener('popstate', onPop);
  return () => removeEventListener('popstate', onPop);
}

/** Fine-grained views of the state: a component re-renders only when its part changes. */
export const lang = computed<Lang>(() => viewState.value.lang);
export const indicatorId = computed(() => viewState.value.indicator);
export const levelId = computed(() => viewState.value.level);
export const parentKey = computed(() => viewState.value.parent);
export const period = computed(() => viewState.value.period);
export const selectedKeys = computed(() => viewState.value.selected);
/** The classification settings, each on its own, so other view changes never reclassify. */
export const classifyMethod = computed(() => viewState.value.method);
export const classCount = computed(() => viewState.value.classes);
export const manualBreaks = computed(() => viewState.value.breaks);
export const colourScheme = computed(() => viewState.value.scheme);
export const referenceValue = computed(() => viewState.value.reference);

/** Hovered area (not part of the URL: it is fleeting). */
export const hoverKey = signal<string | null>(null);

/** Translates with the current language; reading it subscribes the component to language changes. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(lang.value, key, params);
}

/** Asks the map to bring some areas into view (set by the table and the details panel). */
export const zoomRequest = signal<{ keys: string[]; seq: number } | null>(null);
let zoomSeq = 0;
export function requestZoom(keys: string[]): void {
  zoomRequest.value = { keys, seq: ++zoomSeq };
}
