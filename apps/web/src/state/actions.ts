import { batch } from '@preact/signals';
import { effectivePeriod, indicatorById, levelById, levelList } from './data.ts';
import { updateView, viewState } from './store.ts';

/**
 * Chooses an indicator. The level stays when the indicator has values there; otherwise the coarsest
 * level with values is shown (a planner can then drill down).
 */
export function selectIndicator(id: string): void {
  const entry = indicatorById.value.get(id);
  const state = viewState.value;
  const covered = new Set((entry?.coverage ?? []).filter((c) => c.values > 0).map((c) => c.levelId));
  const keepLevel = covered.size === 0 || covered.has(state.level);
  const level = keepLevel ? state.level : (levelList.value.find((l) => covered.has(l.id))?.id ?? state.level);
  updateView(
    {
      indicator: id,
      level,
      parent: level === state.level ? state.parent : null,
      selected: level === state.level ? state.selected : [],
      breaks: state.method === 'manual' ? null : state.breaks,
      method: state.method === 'manual' ? 'quantile' : state.method,
      reference: null,
    },
    'push',
  );
}

export function setLevel(level: string, parent: string | null = null): void {
  const state = viewState.value;
  if (level === state.level && parent === state.parent) return;
  updateView({ level, parent, selected: [], filter: '' }, 'push');
}

/** Shows the areas of a child level inside one area (Kreis → its Gemeinden). */
export function drillDown(areaKey: string, childLevel: string): void {
  updateView({ level: childLevel, parent: areaKey, selected: [], filter: '' }, 'push');
}

/** One level up; the area we came from stays selected. */
export function levelUp(): void {
  const state = viewState.value;
  const level = levelById.value.get(state.level);
  if (!level?.parentLevelId) return;
  updateView(
    { level: level.parentLevelId, parent: null, selected: state.parent ? [state.parent] : [], filter: '' },
    'push',
  );
}

/** Selects an area; `additive` toggles it within a multiple selection (Ctrl/⌘-click, table buttons). */
export function selectArea(key: string, additive: boolean): void {
  const current = viewState.value.selected;
  let selected: string[];
  if (additive) selected = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
  else selected = current.length === 1 && current[0] === key ? [] : [key];
  updateView({ selected }, 'replace');
}

export function clearSelection(): void {
  updateView({ selected: [] }, 'replace');
}

/** Pins the period actually shown into the URL, so a shared link shows the same date later. */
export function syncPeriod(): void {
  const p = effectivePeriod.value;
  if (p && viewState.value.period !== p) batch(() => updateView({ period: p }, 'replace'));
}
