import { computed, signal } from '@preact/signals';
import { parseState, serializeState, type PortalState } from './portal-state.ts';
import { tw, type WegweiserKey } from './wegweiser.i18n.ts';

/** The portal's state is the URL: this signal follows history, every change goes through navigate(). */
export const portalState = signal<PortalState>(parseState(location.search));
export const lang = computed(() => portalState.value.lang);
/** The entry marked in list and map (hover, focus or a click on its point). */
export const highlighted = signal<string | null>(null);

export function t(key: WegweiserKey, params?: Record<string, string | number>): string {
  return tw(lang.value, key, params);
}

export function navigate(patch: Partial<PortalState>, mode: 'push' | 'replace' = 'push'): void {
  const next = { ...portalState.peek(), ...patch };
  const url = `${location.pathname}${serializeState(next)}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  portalState.value = next;
}

export function hrefFor(patch: Partial<PortalState>): string {
  return `${location.pathname}${serializeState({ ...portalState.peek(), ...patch })}`;
}

addEventListener('popstate', () => {
  portalState.value = parseState(location.search);
});
