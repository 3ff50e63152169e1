import type { Store } from '@lagebild/store';

/** Everything a user can read from the store, as one comparable value (batches excluded). */
export async function snapshot(store: Store): Promise<unknown> {
  const levels = await store.listLevels();
  const areas = [];
  for (const level of levels) {
    const keys = await store.listAreaKeys(level.id);
    for (const key of keys.sort()) areas.push(await store.getArea(level.id, key));
    areas.push(await store.listAreas(level.id, { withGeometry: true, at: '2000-01-01' }));
  }
  const indicators = await store.listIndicators();
  const values = [];
  for (const indicator of indicators) {
    values.push(await store.listIndicatorVersions(indicator.id));
    for (const level of levels)
      values.push(await store.getValues({ indicatorId: indicator.id, levelId: level.id }));
  }
  return { levels, areas, indicators, values };
}
