import { localName } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { followLink, hrefFor, lang, t } from '../state/store.ts';
import {
  allRows,
  formatValue,
  indicatorName,
  missingText,
  periodText,
  quintileText,
  referenceColumns,
} from './profile-format.ts';
import type { AreaProfileResponse, ProfileIndicator, ProfileReference } from './profile-types.ts';
import { OutcomeMarker, SparklineSvg, SpineSvg } from './spine-svg.tsx';

/**
 * The overview in the style of a spine chart, as one table: per indicator the area's value, its
 * ancestors' values, the level's median, the comparison with the parent in words, the spread of all
 * areas drawn as a bar (an image whose text alternative lists every figure) and a small trend line.
 */
export function SpineTable({ profile }: { profile: AreaProfileResponse }) {
  const columns = referenceColumns(profile);
  const parent = profile.ancestors[0];
  const levelName = localName(lang.value, profile.level);
  const period = periodText(profile.period);
  const caption = parent
    ? t('profile.caption', { area: profile.area.name, parent: parent.name, level: levelName, period })
    : t('profile.captionNoParent', { area: profile.area.name, level: levelName, period });
  const width = 6 + columns.length;
  return (
    // Focusable so that keyboard users can scroll the table sideways on narrow screens.
    <div class="profile-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="profile-table" data-area={profile.area.key}>
        <caption>{caption}</caption>
        <colgroup>
          <col class="c-indicator" />
          <col span={2 + columns.length} />
          <col class="c-outcome" />
          <col class="c-spine" />
          <col class="c-trend" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" class="col-indicator">
              {t('profile.col.indicator')}
            </th>
            <th scope="col" class="num">
              {profile.area.name}
            </th>
            {columns.map((i) => (
              <th scope="col" class="num" key={profile.ancestors[i]!.key}>
                {profile.ancestors[i]!.name}
                <span class="col-level screen-only">
                  {localName(lang.value, profile.ancestors[i]!.level)}
                </span>
              </th>
            ))}
            <th scope="col" class="num">
              {t('profile.col.median')}
              <span class="col-level screen-only">{t('profile.col.allOf', { level: levelName })}</span>
            </th>
            <th scope="col">
              {parent
                ? t('profile.col.comparison', { parent: parent.name })
                : t('profile.col.comparisonNoParent')}
            </th>
            <th scope="col" class="col-spine">
              {t('profile.col.spine')}
              <span class="col-level screen-only">{t('profile.col.allOf', { level: levelName })}</span>
              <span class="col-level">{t('profile.spineEnds')}</span>
            </th>
            <th scope="col">{t('profile.col.trend')}</th>
          </tr>
        </thead>
        {profile.topics.map((topic) => (
          <tbody key={topic.topic}>
            <tr class="topic-row">
              <th scope="rowgroup" colSpan={width}>
                {topic.topic}
              </th>
            </tr>
            {topic.indicators.map((row) => (
              <SpineRow key={row.indicator.id} profile={profile} row={row} columns={columns} />
            ))}
          </tbody>
        ))}
      </table>
      {allRows(profile).length === 0 && <p class="notice">{t('profile.noIndicators')}</p>}
    </div>
  );
}

function SpineRow({
  profile,
  row,
  columns,
}: {
  profile: AreaProfileResponse;
  row: ProfileIndicator;
  columns: number[];
}) {
  const name = indicatorName(row);
  const patch = {
    page: 'atlas' as const,
    indicator: row.indicator.id,
    level: profile.level.id,
    parent: null,
    selected: [profile.area.key],
    period: row.period,
  };
  const missing =
    row.period === null
      ? t('profile.noValueUpTo', { period: periodText(profile.period) })
      : missingText(row, row.period);
  return (
    <tr data-indicator={row.indicator.id}>
      <th scope="row" class="col-indicator">
        <a
          href={hrefFor(patch)}
          onClick={(event) => followLink(event, patch)}
          title={t('profile.rowLink', { indicator: name })}
        >
          {name}
        </a>
        <span class="row-meta">
          {row.indicator.unit}
          {row.period !== null &&
            row.period !== profile.period &&
            ` · ${t('profile.stand', { period: periodText(row.period) })}`}
        </span>
      </th>
      <td class="num" data-col="area">
        <span class="value">{formatValue(row.value, row)}</span>
        {missing && <span class="row-meta">{missing}</span>}
      </td>
      {columns.map((i) => (
        <ReferenceCell key={i} row={row} reference={row.references[i]} />
      ))}
      <td class="num" data-col="median">
        {formatValue(row.distribution?.median ?? null, row)}
      </td>
      <td data-col="outcome">
        <span class="outcome" data-outcome={row.comparison.outcome}>
          <OutcomeMarker outcome={row.comparison.outcome} />
          {t(`profile.outcome.${row.comparison.outcome}`)}
        </span>
        {row.comparison.method === 'none' && quintileText(row) && (
          <span class="row-meta">{quintileText(row)}</span>
        )}
      </td>
      <td class="col-spine">{spineCell(profile, row)}</td>
      <td>
        <SparklineSvg area={row.series.area} parent={row.series.parent} label={trendLabel(profile, row)} />
      </td>
    </tr>
  );
}

function ReferenceCell({
  row,
  reference,
}: {
  row: ProfileIndicator;
  reference: ProfileReference | undefined;
}) {
  const value = reference?.value ?? null;
  return (
    <td class="num" data-col={`ref-${reference?.level ?? ''}`}>
      <span class="value">{formatValue(value, row)}</span>
      {reference?.basis === 'aggregated' && value !== null && (
        <>
          <span aria-hidden="true">*</span>
          <span class="visually-hidden"> ({t('profile.aggregated')})</span>
        </>
      )}
    </td>
  );
}

function spineCell(profile: AreaProfileResponse, row: ProfileIndicator) {
  const range = row.distribution;
  if (!range)
    return (
      <span title={t('profile.spineNone')}>
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">{t('profile.spineNone')}</span>
      </span>
    );
  const l = lang.value;
  const fmt = (v: number) => formatValue(v, row);
  const parent = profile.ancestors[0];
  const parentValue = row.references[0]?.value ?? null;
  const label = [
    t('profile.spineAlt', {
      area: profile.area.name,
      value: formatValue(row.value, row),
      count: formatNumber(range.count, 0, l),
      level: localName(l, profile.level),
      min: fmt(range.min),
      p25: fmt(range.p25),
      median: fmt(range.median),
      p75: fmt(range.p75),
      max: fmt(range.max),
    }),
    parent && parentValue !== null
      ? t('profile.spineAltParent', { parent: parent.name, value: fmt(parentValue) })
      : '',
  ].join(' ');
  return (
    <SpineSvg
      range={range}
      polarity={row.indicator.polarity}
      value={row.value}
      parentValue={parentValue}
      outcome={row.comparison.outcome}
      label={label.trim()}
    />
  );
}

function trendLabel(profile: AreaProfileResponse, row: ProfileIndicator): string {
  const lines = [
    { name: profile.area.name, points: row.series.area },
    { name: profile.ancestors[0]?.name ?? '', points: row.series.parent },
  ]
    .map(({ name, points }) => ({ name, points: points.filter((p) => p.value !== null) }))
    .filter((line) => line.points.length > 0);
  if (lines.length === 0) return t('profile.trendNone');
  const periods = lines.flatMap((line) => line.points.map((p) => p.period)).sort();
  return t('profile.trendAlt', {
    from: periodText(periods[0]!),
    to: periodText(periods.at(-1)!),
    lines: lines
      .map((line) =>
        t('profile.trendLine', {
          name: line.name,
          first: formatValue(line.points[0]!.value, row),
          last: formatValue(line.points.at(-1)!.value, row),
        }),
      )
      .join('; '),
  });
}
