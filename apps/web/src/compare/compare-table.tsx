import { localName } from '../i18n/i18n.ts';
import { formatNumber, formatPeriod } from '../lib/format.ts';
import { levelById } from '../state/data.ts';
import { followLink, hoverKey, hrefFor, lang, t } from '../state/store.ts';
import { areaStyle, markerPath } from './area-styles.ts';
import {
  outcomeText,
  quintileText,
  reasonText,
  referenceLabel,
  referenceOf,
  referenceRows,
} from './compare-format.ts';
import type { CompareAreasResponse, CompareIndicator, CompareValue } from './compare-types.ts';

/** Areas × indicators at the period, with the reference values below and the test against the level. */
export function CompareTable({ data }: { data: CompareAreasResponse }) {
  const l = lang.value;
  const levels = levelById.value;
  const level = levels.get(data.level);
  const levelName = level ? localName(l, level) : data.level;
  const keys = data.areas.map((a) => a.key);
  const references = referenceRows(data.indicators);
  const whole = references.find((r) => r.role === 'level');
  const caption = t('compare.tableCaption', {
    level: levelName,
    period: data.period ? formatPeriod(data.period, l) : t('compare.periodLatest'),
  });
  return (
    <div class="compare-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.area')}</th>
            {data.indicators.map((compared) => (
              <IndicatorHeader
                key={compared.indicator.id}
                compared={compared}
                keys={keys}
                asked={data.period}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {data.areas.map((area, a) => (
            <tr
              key={area.key}
              data-area={area.key}
              class={hoverKey.value === area.key ? 'is-highlighted' : undefined}
              // pointing at or tabbing into a row brings out the area's line in every chart
              onMouseEnter={() => (hoverKey.value = area.key)}
              onMouseLeave={() => (hoverKey.value = null)}
              onFocusIn={() => (hoverKey.value = area.key)}
              onFocusOut={() => (hoverKey.value = null)}
            >
              <th scope="row">
                <LineSwatch index={a} />
                <a
                  href={hrefFor({ page: 'profile', area: area.key })}
                  onClick={(e) => followLink(e, { page: 'profile', area: area.key })}
                  title={t('compare.toProfile', { area: area.name ?? area.key })}
                >
                  {area.name ?? area.key}
                </a>
                <span class="area-key">{area.key}</span>
                {area.parentName && (
                  <span class="area-parent">{t('compare.parentOf', { parent: area.parentName })}</span>
                )}
              </th>
              {data.indicators.map((compared) => (
                <ValueCell
                  key={compared.indicator.id}
                  compared={compared}
                  value={compared.values[a]!}
                  parentName={area.parentName}
                />
              ))}
            </tr>
          ))}
        </tbody>
        {references.length > 0 && (
          <tbody class="references">
            <tr>
              <th scope="rowgroup" colSpan={data.indicators.length + 1}>
                {t('compare.references')}
              </th>
            </tr>
            {references.map((row) => (
              <tr key={`${row.role}:${row.key ?? ''}`} data-reference={row.key ?? row.role}>
                <th scope="row">{referenceLabel(row, levels, l, t)}</th>
                {data.indicators.map((compared) => {
                  const reference = referenceOf(compared, row);
                  return (
                    <td key={compared.indicator.id} class="num" data-indicator={compared.indicator.id}>
                      <span class="value">{formatValue(reference?.value ?? null, compared, l)}</span>
                      {reference && <span class="basis">{t(`compare.basis.${reference.basis}`)}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        )}
      </table>
      {whole && (
        <p class="hint">
          {t('compare.methodNote', {
            reference: referenceLabel(whole, levels, l, t),
            confidence: formatNumber(
              (data.indicators[0]?.method.confidence ?? 0.95) * 100,
              data.indicators[0]?.method.confidence === 0.998 ? 1 : 0,
              l,
            ),
          })}
        </p>
      )}
    </div>
  );
}

function IndicatorHeader({
  compared,
  keys,
  asked,
}: {
  compared: CompareIndicator;
  keys: string[];
  /** The period asked for (shown when the indicator has none up to it). */
  asked: string | null;
}) {
  const l = lang.value;
  const { indicator } = compared;
  const name = localName(l, indicator);
  const patch = {
    page: 'atlas' as const,
    indicator: indicator.id,
    selected: keys,
    period: compared.period,
  };
  return (
    <th scope="col" data-indicator={indicator.id}>
      <a
        href={hrefFor(patch)}
        onClick={(e) => followLink(e, patch)}
        title={t('compare.toAtlas', { indicator: name })}
      >
        {name}
      </a>
      <span class="unit">
        {indicator.unit}
        {' · '}
        {compared.period
          ? t('compare.periodOf', { period: formatPeriod(compared.period, l) })
          : t('compare.noPeriod', { period: asked ? formatPeriod(asked, l) : '–' })}
      </span>
    </th>
  );
}

function ValueCell({
  compared,
  value,
  parentName,
}: {
  compared: CompareIndicator;
  value: CompareValue;
  parentName: string | null;
}) {
  const l = lang.value;
  const polarity = compared.indicator.polarity;
  const outcome = outcomeText(value.outcome, t);
  const parentOutcome = outcomeText(value.parentOutcome, t);
  const quintile = quintileText(value, compared, t);
  return (
    <td class="num" data-indicator={compared.indicator.id} data-area={value.areaKey}>
      {value.value === null ? (
        <span class="missing">{t('compare.missing', { reason: reasonText(value, t) })}</span>
      ) : (
        <span class="value">{formatValue(value.value, compared, l)}</span>
      )}
      {outcome && (
        <span class={`outcome outcome-level outcome-${value.outcome}`}>
          <span aria-hidden="true">{outcomeMark(value.outcome, polarity)} </span>
          {outcome}
        </span>
      )}
      {parentOutcome && parentName && (
        <span class={`outcome outcome-parent outcome-${value.parentOutcome}`}>
          <span aria-hidden="true">{outcomeMark(value.parentOutcome, polarity)} </span>
          {t('compare.againstParent', { parent: parentName, outcome: parentOutcome })}
        </span>
      )}
      {quintile && <span class="quintile">{quintile}</span>}
    </td>
  );
}

/** An arrow for the direction (up: above the reference), whatever the judgement. */
function outcomeMark(outcome: CompareValue['outcome'], polarity: CompareIndicator['indicator']['polarity']) {
  if (outcome === 'similar') return '≈';
  if (outcome === 'higher') return '▲';
  if (outcome === 'lower') return '▼';
  if (outcome === 'not_compared') return '';
  const higher = (outcome === 'better') === (polarity === 'higher_is_better');
  return higher ? '▲' : '▼';
}

export function formatValue(value: number | null, compared: CompareIndicator, l: 'de' | 'en'): string {
  return value === null ? '–' : formatNumber(value, compared.indicator.decimals, l);
}

/** The area's line and marker as in the charts, so table and charts are read together. */
export function LineSwatch({ index }: { index: number }) {
  const style = areaStyle(index);
  return (
    <svg class="line-swatch" width="24" height="14" viewBox="0 0 24 14" aria-hidden="true" focusable="false">
      <line
        x1="0"
        y1="7"
        x2="24"
        y2="7"
        stroke={style.color}
        stroke-width="2.5"
        stroke-dasharray={style.dashArray}
      />
      <path
        d={markerPath(style.symbol)}
        fill={style.symbol === 'emptyCircle' ? '#fff' : style.color}
        stroke={style.color}
        stroke-width="1.5"
      />
    </svg>
  );
}
