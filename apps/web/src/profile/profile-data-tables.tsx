import { formatNumber } from '../lib/format.ts';
import { lang, t } from '../state/store.ts';
import {
  allRows,
  formatValue,
  indicatorName,
  periodText,
  quintileText,
  referenceColumns,
} from './profile-format.ts';
import type { AreaProfileResponse, ProfileIndicator } from './profile-types.ts';

/**
 * The text alternative of the whole page in full: every figure the spine chart draws (the spread
 * of all areas, the interval) and every point of the trend lines, as plain tables.
 */
export function ProfileDataTables({ profile }: { profile: AreaProfileResponse }) {
  return (
    <div class="profile-data">
      <details class="chart-data">
        <summary>{t('profile.allFigures')}</summary>
        <div class="chart-table-wrap" tabIndex={0} role="region" aria-label={t('profile.allFigures')}>
          <FiguresTable profile={profile} />
        </div>
      </details>
      <details class="chart-data">
        <summary>{t('profile.seriesTable')}</summary>
        <div class="chart-table-wrap" tabIndex={0} role="region" aria-label={t('profile.seriesTable')}>
          <SeriesTable profile={profile} />
        </div>
      </details>
    </div>
  );
}

function FiguresTable({ profile }: { profile: AreaProfileResponse }) {
  const columns = referenceColumns(profile);
  const l = lang.value;
  const range = (row: ProfileIndicator, part: 'min' | 'p25' | 'median' | 'p75' | 'max') =>
    formatValue(row.distribution?.[part] ?? null, row);
  return (
    <table class="chart-table profile-figures">
      <caption class="visually-hidden">{t('profile.allFiguresCaption', { area: profile.area.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('profile.col.indicator')}</th>
          <th scope="col">{t('profile.col.period')}</th>
          <th scope="col">{t('profile.col.unit')}</th>
          <th scope="col">{profile.area.name}</th>
          {columns.map((i) => (
            <th scope="col" key={i}>
              {profile.ancestors[i]!.name}
            </th>
          ))}
          <th scope="col">{t('profile.col.count')}</th>
          <th scope="col">{t('profile.col.min')}</th>
          <th scope="col">{t('profile.col.p25')}</th>
          <th scope="col">{t('profile.legend.median')}</th>
          <th scope="col">{t('profile.col.p75')}</th>
          <th scope="col">{t('profile.col.max')}</th>
          <th scope="col">{t('profile.col.comparisonNoParent')}</th>
          <th scope="col">{t('profile.col.ci')}</th>
          <th scope="col">{t('profile.col.quintile')}</th>
        </tr>
      </thead>
      <tbody>
        {allRows(profile).map((row) => (
          <tr key={row.indicator.id} data-indicator={row.indicator.id}>
            <th scope="row">{indicatorName(row)}</th>
            <td>{periodText(row.period)}</td>
            <td>{row.indicator.unit}</td>
            <td class="num">{formatValue(row.value, row)}</td>
            {columns.map((i) => (
              <td class="num" key={i}>
                {formatValue(row.references[i]?.value ?? null, row)}
              </td>
            ))}
            <td class="num">{row.distribution ? formatNumber(row.distribution.count, 0, l) : '–'}</td>
            <td class="num">{range(row, 'min')}</td>
            <td class="num">{range(row, 'p25')}</td>
            <td class="num">{range(row, 'median')}</td>
            <td class="num">{range(row, 'p75')}</td>
            <td class="num">{range(row, 'max')}</td>
            <td>{t(`profile.outcome.${row.comparison.outcome}`)}</td>
            <td class="num">
              {row.comparison.lower !== null && row.comparison.upper !== null
                ? `${formatValue(row.comparison.lower, row)} – ${formatValue(row.comparison.upper, row)}`
                : '–'}
            </td>
            <td>{quintileText(row) ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SeriesTable({ profile }: { profile: AreaProfileResponse }) {
  const parent = profile.ancestors[0];
  return (
    <table class="chart-table profile-series">
      <caption class="visually-hidden">
        {t('profile.seriesCaption', { area: profile.area.name, parent: parent?.name ?? '–' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('profile.col.indicator')}</th>
          <th scope="col">{t('charts.period')}</th>
          <th scope="col">{profile.area.name}</th>
          {parent && <th scope="col">{parent.name}</th>}
        </tr>
      </thead>
      <tbody>
        {allRows(profile).flatMap((row) => {
          const periods = [
            ...new Set([...row.series.area, ...row.series.parent].map((p) => p.period)),
          ].sort();
          const valueAt = (points: typeof row.series.area, period: string) =>
            formatValue(points.find((p) => p.period === period)?.value ?? null, row);
          return periods.map((period) => (
            <tr key={`${row.indicator.id}:${period}`}>
              <th scope="row">{indicatorName(row)}</th>
              <td>{periodText(period)}</td>
              <td class="num">{valueAt(row.series.area, period)}</td>
              {parent && <td class="num">{valueAt(row.series.parent, period)}</td>}
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
