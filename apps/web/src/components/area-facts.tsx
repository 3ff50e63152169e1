import type { AreaRow } from '../lib/area-rows.ts';
import { localName } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { drillDown } from '../state/actions.ts';
import { areaStyles, atlasClasses, ranks } from '../state/atlas-model.ts';
import { childCounts, currentIndicator, levelById, parentAreas } from '../state/data.ts';
import { lang, t } from '../state/store.ts';
import { reasonLabel } from './reason-label.ts';

/** Key, parent, value, rank, class, status and the way down to the areas inside. */
export function AreaFacts({ row }: { row: AreaRow }) {
  const indicator = currentIndicator.value;
  const l = lang.value;
  const rank = ranks.value.get(row.key);
  const counted = ranks.value.size;
  const style = areaStyles.value.get(row.key);
  const classes = atlasClasses.value;
  const parentName = parentAreas.state.value.data?.features.find((f) => f.properties.key === row.parentKey)
    ?.properties.name;
  const fmt = (v: number) => formatNumber(v, indicator?.decimals ?? 0, l);
  const counts = childCounts.state.value.data;
  const children = [...(counts ?? [])]
    .map(([id, perParent]) => ({ level: levelById.value.get(id), count: perParent.get(row.key) ?? 0 }))
    .filter((c) => c.level && c.count > 0);
  return (
    <div class="area-facts">
      <p class="area-name">{row.name}</p>
      <dl>
        <dt>{t('details.key')}</dt>
        <dd>{row.key}</dd>
        {row.parentKey && (
          <>
            <dt>{t('details.parent')}</dt>
            <dd>{parentName ? `${parentName} (${row.parentKey})` : row.parentKey}</dd>
          </>
        )}
        {indicator && (
          <>
            <dt>{t('details.value')}</dt>
            <dd class="area-value">
              {row.value !== null ? `${fmt(row.value)} ${indicator.unit}` : reasonLabel(row)}
            </dd>
            {rank !== undefined && (
              <>
                <dt>{t('details.rank')}</dt>
                <dd>
                  {t('details.rankOf', {
                    rank: formatNumber(rank, 0, l),
                    count: formatNumber(counted, 0, l),
                  })}
                </dd>
              </>
            )}
            {style?.classIndex !== null && style?.classIndex !== undefined && classes && (
              <>
                <dt>{t('details.class')}</dt>
                <dd>
                  <span
                    class="swatch inline"
                    style={{ background: style.fill ?? undefined }}
                    aria-hidden="true"
                  />{' '}
                  {style.classIndex + 1} / {classes.colours.length}
                </dd>
              </>
            )}
            <dt>{t('details.status')}</dt>
            <dd>{t(`status.${row.status}`)}</dd>
            {row.numerator !== null && (
              <>
                <dt>{t('details.numerator')}</dt>
                <dd>{formatNumber(row.numerator, 0, l)}</dd>
              </>
            )}
            {row.denominator !== null && (
              <>
                <dt>{t('details.denominator')}</dt>
                <dd>{formatNumber(row.denominator, 0, l)}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {children.length > 0 && (
        <ul class="inline-list">
          {children.map(({ level, count }) => (
            <li key={level!.id}>
              <button type="button" onClick={() => drillDown(row.key, level!.id)}>
                {t('details.drill', {
                  level: localName(l, level!),
                  area: row.name,
                  count: formatNumber(count, 0, l),
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
