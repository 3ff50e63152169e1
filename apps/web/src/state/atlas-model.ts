import { computed } from '@preact/signals';
import { joinAreaValues, missingKind, rankByValue, type AreaRow } from '../lib/area-rows.ts';
import { classifyValues, type ColouredClassification } from '../lib/classification.ts';
import { NO_DATA_FILL } from '../map/map-style.ts';
import { areas, currentIndicator, effectivePeriod, periods, values, valuesKey } from './data.ts';
import {
  classCount,
  classifyMethod,
  colourScheme,
  indicatorId,
  levelId,
  manualBreaks,
  parentKey,
  referenceValue,
} from './store.ts';

export type ModelStatus = 'loading' | 'ready' | 'error' | 'no-indicator' | 'no-values';

export interface AtlasModel {
  status: ModelStatus;
  error: string | null;
  /** Which selection the rows belong to (indicator|level|parent|period): a changed key means new data. */
  key: string;
  rows: AreaRow[];
}

/**
 * The areas of the current level (and parent) joined with the values of the current indicator and
 * period. Map, legend, table and export all read these rows, so they always show the same figures.
 */
export const atlasModel = computed<AtlasModel>(() => {
  const a = areas.state.value;
  const level = levelId.value;
  const parent = parentKey.value;
  const indicator = indicatorId.value;
  const key = [indicator ?? '', level, parent ?? '', effectivePeriod.value ?? ''].join('|');
  if (a.status === 'error') return { status: 'error', error: a.error, key, rows: [] };
  if (a.status !== 'ready' || !a.data) return { status: 'loading', error: null, key, rows: [] };
  const onlyAreas = (status: ModelStatus): AtlasModel => ({
    status,
    error: null,
    key,
    rows: joinAreaValues(a.data!.features, null),
  });
  if (!indicator) return onlyAreas('no-indicator');
  const p = effectivePeriod.value;
  if (!p) {
    const ps = periods.state.value;
    if (ps.status === 'error') return { status: 'error', error: ps.error, key, rows: [] };
    if (ps.status === 'ready' && ps.data?.length === 0) return onlyAreas('no-values');
    return { status: 'loading', error: null, key, rows: [] };
  }
  const v = values.state.value;
  if (v.key !== valuesKey(indicator, level, p)) return { status: 'loading', error: null, key, rows: [] };
  if (v.status === 'error') return { status: 'error', error: v.error, key, rows: [] };
  if (v.status !== 'ready' || !v.data) return { status: 'loading', error: null, key, rows: [] };
  return { status: 'ready', error: null, key, rows: joinAreaValues(a.data.features, v.data.values) };
});

/** The classification of the rows shown, with colours. */
export const atlasClasses = computed<ColouredClassification | null>(() => {
  const model = atlasModel.value;
  const indicator = currentIndicator.value;
  if (model.status !== 'ready' || !indicator) return null;
  return classifyValues(
    model.rows.map((r) => r.value),
    {
      method: classifyMethod.value,
      classes: classCount.value,
      breaks: manualBreaks.value,
      scheme: colourScheme.value,
      reference: referenceValue.value,
      polarity: indicator.polarity,
    },
  );
});

/** Colour (or missing kind) per area key: what the map draws and the table's swatches show. */
export const areaStyles = computed(() => {
  const model = atlasModel.value;
  const classes = atlasClasses.value;
  const styles = new Map<
    string,
    { fill: string | null; missing: ReturnType<typeof missingKind>; classIndex: number | null }
  >();
  for (const row of model.rows) {
    const missing = model.status === 'ready' ? missingKind(row) : null;
    const classIndex =
      classes?.classification && row.value !== null ? classes.classification.classOf(row.value) : null;
    const fill =
      classIndex !== null
        ? (classes!.colours[classIndex] ?? null)
        : missing === 'nodata'
          ? NO_DATA_FILL
          : null;
    styles.set(row.key, { fill, missing, classIndex });
  }
  return styles;
});

export const ranks = computed(() => rankByValue(atlasModel.value.rows));
export const rowByKey = computed(() => new Map(atlasModel.value.rows.map((r) => [r.key, r])));
