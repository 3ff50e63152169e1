import { localName } from '../i18n/i18n.ts';
import { levelUp, setLevel } from '../state/actions.ts';
import { currentIndicator, currentLevel, levelList, parentAreas } from '../state/data.ts';
import { lang, t, viewState } from '../state/store.ts';

/** The spatial level and an optional parent area (e.g. the Gemeinden of one Kreis). */
export function LevelPicker() {
  const { level, parent } = viewState.value;
  const levels = levelList.value;
  const indicator = currentIndicator.value;
  const covered = new Set((indicator?.coverage ?? []).filter((c) => c.values > 0).map((c) => c.levelId));
  const current = currentLevel.value;
  const l = lang.value;
  return (
    <div class="level-picker">
      <div class="field">
        <label for="level-select">{t('level.label')}</label>
        <select id="level-select" value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
          {levels.map((lv) => (
            <option key={lv.id} value={lv.id}>
              {indicator && !covered.has(lv.id)
                ? t('level.noValues', { level: localName(l, lv) })
                : localName(l, lv)}
            </option>
          ))}
        </select>
      </div>
      {current?.parentLevelId && <ParentSelect level={level} parent={parent} />}
      {current?.parentLevelId && (
        <button type="button" class="secondary" onClick={levelUp}>
          {t('level.up')}
        </button>
      )}
    </div>
  );
}

function ParentSelect({ level, parent }: { level: string; parent: string | null }) {
  const res = parentAreas.state.value;
  const options = [...(res.data?.features ?? [])]
    .map((f) => f.properties)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const known = parent === null || options.some((o) => o.key === parent);
  return (
    <div class="field">
      <label for="parent-select">{t('level.parent')}</label>
      <select
        id="parent-select"
        value={parent ?? ''}
        disabled={res.status === 'loading'}
        onChange={(e) => setLevel(level, e.currentTarget.value || null)}
      >
        <option value="">{t('level.allAreas')}</option>
        {!known && parent && <option value={parent}>{parent}</option>}
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.name} ({o.key})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Shown instead of a map when the indicator has no values on the chosen level. */
export function NoValuesOnLevel() {
  const indicator = currentIndicator.value;
  const level = currentLevel.value;
  if (!indicator || !level) return null;
  const l = lang.value;
  const targets = levelList.value.filter((lv) =>
    indicator.coverage.some((c) => c.levelId === lv.id && c.values > 0),
  );
  return (
    <div class="notice" role="status">
      <p>{t('level.noData', { indicator: localName(l, indicator), level: localName(l, level) })}</p>
      <ul class="inline-list">
        {targets.map((lv) => (
          <li key={lv.id}>
            <button type="button" class="secondary" onClick={() => setLevel(lv.id)}>
              {t('level.showOn', { level: localName(l, lv) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
