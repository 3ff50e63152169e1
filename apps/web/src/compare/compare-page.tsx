import { LoadState } from '../components/load-state.tsx';
import { localName } from '../i18n/i18n.ts';
import { formatPeriod } from '../lib/format.ts';
import { catalogue, indicatorById, levelList } from '../state/data.ts';
import { lang, levelId, period, selectedKeys, t } from '../state/store.ts';
import { LineSwatch } from './compare-table.tsx';
import { CompareCharts } from './compare-charts.tsx';
import { CompareCsvButton } from './compare-csv-button.tsx';
import {
  addArea,
  addIndicator,
  comparedAreas,
  comparedIndicators,
  comparePeriods,
  comparison,
  lastComparison,
  levelAreas,
  MAX_AREAS,
  MAX_INDICATORS,
  removeArea,
  removeIndicator,
  setCompareLevel,
  setComparePeriod,
} from './compare-state.ts';
import { CompareTable } from './compare-table.tsx';
import { SearchPicker, type PickerOption } from './search-picker.tsx';
import './compare.css';

/** The comparison page: several areas of one level across several indicators and over time. */
export function ComparePage() {
  const state = comparison.state.value;
  const areas = comparedAreas.value;
  const indicators = comparedIndicators.value;
  // While the next comparison loads the last one stays (dimmed), so the page does not jump.
  const last = lastComparison.value;
  const stale = state.status === 'loading' && last?.level === levelId.value ? last : null;
  const data = state.status === 'ready' ? state.data : stale;
  return (
    <main id="main" tabIndex={-1} aria-labelledby="page-heading" class="page page-compare">
      <h2 id="page-heading">{t('compare.title')}</h2>
      <p class="hint">{t('compare.intro')}</p>
      <section class="compare-controls" aria-label={t('compare.choose')}>
        <LevelSelect />
        <AreaPicker />
        <IndicatorPicker />
        <PeriodSelect />
      </section>
      {areas.length < 2 && <p class="notice">{t('compare.needAreas')}</p>}
      {indicators.length === 0 && <p class="notice">{t('compare.needIndicators')}</p>}
      <LoadState resource={state} retry={comparison.retry} />
      {data && (
        <div
          class={stale ? 'compare-output is-stale' : 'compare-output'}
          aria-busy={stale ? 'true' : undefined}
        >
          <section class="compare-results" aria-labelledby="compare-table-heading">
            <div class="compare-results-head">
              <h3 id="compare-table-heading">{t('compare.tableTitle')}</h3>
              <CompareCsvButton data={data} />
            </div>
            <CompareTable data={data} />
          </section>
          <CompareCharts data={data} />
        </div>
      )}
    </main>
  );
}

function LevelSelect() {
  const l = lang.value;
  const covered = new Set(
    comparedIndicators.value.flatMap((id) =>
      (indicatorById.value.get(id)?.coverage ?? []).filter((c) => c.values > 0).map((c) => c.levelId),
    ),
  );
  const judged = comparedIndicators.value.length > 0 && indicatorById.value.size > 0;
  return (
    <div class="field">
      <label for="compare-level">{t('compare.level')}</label>
      <select
        id="compare-level"
        value={levelId.value}
        onChange={(e) => setCompareLevel(e.currentTarget.value)}
      >
        {levelList.value.map((lv) => (
          <option key={lv.id} value={lv.id}>
            {judged && !covered.has(lv.id)
              ? t('compare.levelNoValues', { level: localName(l, lv) })
              : localName(l, lv)}
          </option>
        ))}
      </select>
    </div>
  );
}

function AreaPicker() {
  const chosen = comparedAreas.value;
  const all = selectedKeys.value;
  const features = levelAreas.state.value.data ?? [];
  const byKey = new Map(features.map((f) => [f.properties.key, f.properties]));
  const options: PickerOption[] = features
    .filter((f) => !chosen.includes(f.properties.key))
    .map((f) => ({ id: f.properties.key, label: f.properties.name, detail: f.properties.key }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
  const name = (key: string) => byKey.get(key)?.name ?? lastName(key) ?? key;
  return (
    <SearchPicker
      id="compare-area-search"
      label={t('compare.areaSearch')}
      placeholder={t('compare.areaPlaceholder')}
      options={options}
      matches={(o, q) => o.label.toLocaleLowerCase('de').includes(q) || o.id.startsWith(q)}
      onChoose={addArea}
      disabledNote={chosen.length >= MAX_AREAS ? t('compare.areasMax', { max: MAX_AREAS }) : null}
      chosen={
        <>
          {all.length > MAX_AREAS && (
            <p class="hint">{t('compare.areasCut', { max: MAX_AREAS, count: all.length })}</p>
          )}
          <ul class="chosen-list" aria-label={t('compare.areasChosen')}>
            {chosen.map((key, i) => (
              <li key={key} data-area={key}>
                <LineSwatch index={i} />
                <span>{name(key)}</span>
                <button
                  type="button"
                  class="icon"
                  aria-label={t('compare.remove', { item: name(key) })}
                  onClick={() => removeArea(key)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}

/** A name the last comparison knew (while the level's names still load). */
function lastName(key: string): string | undefined {
  return lastComparison.value?.areas.find((a) => a.key === key)?.name ?? undefined;
}

function IndicatorPicker() {
  const l = lang.value;
  const chosen = comparedIndicators.value;
  const level = levelId.value;
  const entries = catalogue.state.value.data ?? [];
  const options: PickerOption[] = entries
    .filter((i) => !chosen.includes(i.id) && i.coverage.some((c) => c.levelId === level && c.values > 0))
    .map((i) => ({ id: i.id, label: localName(l, i), detail: i.unit }));
  const searchText = new Map(
    entries.map((i) => [i.id, [i.id, i.name, i.nameEn ?? '', i.topic].join(' ').toLocaleLowerCase('de')]),
  );
  const name = (id: string) => {
    const entry = indicatorById.value.get(id);
    return entry ? localName(l, entry) : id;
  };
  return (
    <SearchPicker
      id="compare-indicator-search"
      label={t('compare.indicatorSearch')}
      placeholder={t('compare.indicatorPlaceholder')}
      options={options}
      matches={(o, q) => searchText.get(o.id)?.includes(q) ?? false}
      onChoose={addIndicator}
      disabledNote={
        chosen.length >= MAX_INDICATORS ? t('compare.indicatorsMax', { max: MAX_INDICATORS }) : null
      }
      chosen={
        <ul class="chosen-list" aria-label={t('compare.indicatorsChosen')}>
          {chosen.map((id) => (
            <li key={id} data-indicator={id}>
              <span>{name(id)}</span>
              {/* the last one stays: without an indicator there is nothing to compare */}
              {chosen.length > 1 && (
                <button
                  type="button"
                  class="icon"
                  aria-label={t('compare.remove', { item: name(id) })}
                  onClick={() => removeIndicator(id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function PeriodSelect() {
  const l = lang.value;
  const list = comparePeriods.value;
  const current = period.value;
  return (
    <div class="field">
      <label for="compare-period">{t('compare.period')}</label>
      <select
        id="compare-period"
        value={current ?? ''}
        onChange={(e) => setComparePeriod(e.currentTarget.value || null)}
      >
        <option value="">{t('compare.periodLatest')}</option>
        {current && !list.includes(current) && <option value={current}>{formatPeriod(current, l)}</option>}
        {list.map((p) => (
          <option key={p} value={p}>
            {formatPeriod(p, l)}
          </option>
        ))}
      </select>
    </div>
  );
}
