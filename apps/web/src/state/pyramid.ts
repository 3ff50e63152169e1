import { computed } from '@preact/signals';
import type { Level, PyramidResponse, PyramidSummary } from '../api/types.ts';
import { pyramidForLevel, pyramidPeriod } from '../lib/pyramid-data.ts';
import { atlasModel, rowByKey } from './atlas-model.ts';
import { api, effectivePeriod, levelById } from './data.ts';
import { keyedResource } from './resource.ts';
import { ancestorsOf, areaNames, focusKey } from './series.ts';
import { levelId, parentKey } from './store.ts';

const SEP = '\u001f';

export const pyramidList = keyedResource<PyramidSummary[]>(
  () => 'pyramids',
  () => api.listPyramids(),
  1,
);

/** The pyramid shown with the current level, if one has values there. */
export const currentPyramid = computed(() =>
  pyramidForLevel(pyramidList.state.value.data ?? [], levelId.value),
);

/**
 * Whose pyramid is drawn: the selected area; without a selection the parent area the map is limited
 * to; else the whole (the top level's one area, Deutschland).
 */
export type PyramidRole = 'selected' | 'parent' | 'whole';

export interface PyramidView {
  role: PyramidRole;
  subject: PyramidResponse;
  /** The nearest ancestor with age data, drawn as an outline; null for the whole. */
  comparison: PyramidResponse | null;
}

interface Target {
  level: Level;
  key: string;
}

export const pyramidView = keyedResource<PyramidView | null>(
  () => {
    const pyramid = currentPyramid.value;
    if (!pyramid || levelById.value.size === 0 || atlasModel.value.status !== 'ready') return null;
    const row = focusKey.value ? rowByKey.value.get(focusKey.value) : undefined;
    return [
      pyramid.id,
      levelId.value,
      row?.key ?? '',
      row?.parentKey ?? '',
      parentKey.value ?? '',
      effectivePeriod.value ?? '',
    ].join(SEP);
  },
  async (key) => {
    const [id, levelName, focus, focusParent, parent, period] = key.split(SEP) as string[];
    const pyramid = (pyramidList.state.peek().data ?? []).find((p) => p.id === id)!;
    const levels = levelById.peek();
    const covered = new Set(pyramid.levels.map((l) => l.levelId));
    const level = levels.get(levelName!)!;
    const chosen = await subjectOf(levels, covered, level, focus!, focusParent!, parent!);
    if (!chosen) return null;
    const load = (target: Target) =>
      api.getPyramid(pyramid.id, {
        level: target.level.id,
        key: target.key,
        period: pyramidPeriod(pyramid, target.level.id, period || null),
      });
    const ancestor = chosen.ancestors.find((a) => covered.has(a.level.id));
    const [subject, comparison] = await Promise.all([
      load(chosen.target),
      ancestor ? load(ancestor) : Promise.resolve(null),
    ]);
    return { role: chosen.role, subject, comparison };
  },
  24,
);

async function subjectOf(
  levels: Map<string, Level>,
  covered: Set<string>,
  level: Level,
  focus: string,
  focusParent: string,
  parent: string,
): Promise<{ role: PyramidRole; target: Target; ancestors: Target[] } | null> {
  if (focus)
    return {
      role: 'selected',
      target: { level, key: focus },
      ancestors: await ancestorsOf(levels, level, focusParent || null),
    };
  const parentLevel = level.parentLevelId ? levels.get(level.parentLevelId) : undefined;
  if (parent && parentLevel && covered.has(parentLevel.id)) {
    const area = (await areaNames(parentLevel.id)).get(parent);
    return {
      role: 'parent',
      target: { level: parentLevel, key: parent },
      ancestors: await ancestorsOf(levels, parentLevel, area?.properties.parentKey ?? null),
    };
  }
  const top = [...levels.values()]
    .filter((l) => covered.has(l.id) && l.areaCount === 1)
    .sort((a, b) => a.sortOrder - b.sortOrder)[0];
  if (!top) return null;
  const [whole] = (await areaNames(top.id)).keys();
  return whole ? { role: 'whole', target: { level: top, key: whole }, ancestors: [] } : null;
}
