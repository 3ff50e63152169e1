import type { CatalogueEntry } from '../api/types.ts';
import { localName } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { currentIndicator, indicatorById, levelById } from '../state/data.ts';
import { lang, t } from '../state/store.ts';

/** The indicator's title with its fact sheet (Steckbrief): definition, unit, source, dates, notes. */
export function IndicatorSheet() {
  const indicator = currentIndicator.value;
  if (!indicator) {
    return (
      <div class="indicator-heading">
        <h2 id="main-heading">{t('app.title')}</h2>
        <p>{t('map.noIndicator')}</p>
      </div>
    );
  }
  return (
    <div class="indicator-heading">
      <h2 id="main-heading">{localName(lang.value, indicator)}</h2>
      <p class="indicator-subtitle">
        {indicator.unit}
        {indicator.source ? ` · ${t('legend.source', { source: indicator.source })}` : ''}
      </p>
      <details class="sheet">
        <summary>{t('sheet.title')}</summary>
        <SheetList indicator={indicator} />
      </details>
    </div>
  );
}

function SheetList({ indicator }: { indicator: CatalogueEntry }) {
  const l = lang.value;
  const refName = (id: string | null) => {
    if (!id) return null;
    const ref = indicatorById.value.get(id);
    return ref ? `${localName(l, ref)} (${id})` : id;
  };
  const levels = levelById.value;
  const rows: [string, string | null][] = [
    [t('sheet.definition'), indicator.description],
    [
      t('sheet.unit'),
      indicator.ratePer && indicator.unit !== '%'
        ? `${indicator.unit} (${t('sheet.ratePer')} ${formatNumber(indicator.ratePer, 0, l)})`
        : indicator.unit,
    ],
    [t('sheet.kind'), t(`kind.${indicator.kind}`)],
    [t('sheet.source'), indicator.source],
    [t('sheet.referenceDate'), indicator.referenceDate],
    [t('sheet.updateCycle'), indicator.updateCycle],
    [t('sheet.numerator'), refName(indicator.numeratorId)],
    [t('sheet.denominator'), refName(indicator.denominatorId)],
    [t('sheet.aggregation'), t(`aggregation.${indicator.aggregation}`)],
    [t('sheet.weight'), refName(indicator.weightId)],
    [t('sheet.polarity'), t(`polarity.${indicator.polarity}`)],
    [t('sheet.confidentiality'), t(`confidentiality.${indicator.confidentiality}`)],
    [t('sheet.notes'), indicator.notes],
    [t('sheet.id'), `${indicator.id} (v${indicator.version})`],
  ];
  return (
    <dl class="sheet-list">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd class={value ? undefined : 'muted'}>{value ?? t('sheet.notGiven')}</dd>
        </div>
      ))}
      <div>
        <dt>{t('sheet.coverage')}</dt>
        <dd>
          <ul>
            {indicator.coverage.map((c) => {
              const level = levels.get(c.levelId);
              return (
                <li key={c.levelId}>
                  {t('sheet.coverageRow', {
                    level: level ? localName(l, level) : c.levelId,
                    periods: formatNumber(c.periods, 0, l),
                    values: formatNumber(c.values, 0, l),
                  })}
                </li>
              );
            })}
          </ul>
        </dd>
      </div>
    </dl>
  );
}
