import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { AreaRow } from '../lib/area-rows.ts';
import { formatNumber, formatPeriod, type Lang } from '../lib/format.ts';
import { localName } from '../i18n/i18n.ts';
import { areaStyles, atlasClasses, atlasModel, ranks } from '../state/atlas-model.ts';
import { currentIndicator, currentLevel, effectivePeriod } from '../state/data.ts';
import { focusKey, lineLabel, seriesLines, type SeriesLine } from '../state/series.ts';
import { lang, selectedKeys, t } from '../state/store.ts';
import { FONT, GRID, INK, MUTED, periodAxes } from '../lib/chart-theme.ts';
import { EChart, type ChartOption } from './echart.tsx';
import { histogramBins, rankingRows, RANKING_EDGE } from '../lib/chart-data.ts';
import { PopulationPyramid } from './population-pyramid.tsx';
import { ScatterChart } from './scatter-chart.tsx';

/** Area, parent, whole: distinguishable in colour, line style and symbol (not by colour alone). */
const LINE_STYLES: Record<
  SeriesLine['role'],
  { color: string; type: 'solid' | 'dashed' | 'dotted'; symbol: string }
> = {
  area: { color: '#1a5fb4', type: 'solid', symbol: 'circle' },
  parent: { color: '#c64600', type: 'dashed', symbol: 'triangle' },
  whole: { color: '#57606a', type: 'dotted', symbol: 'rect' },
};

/** Time series, ranking and histogram of the current indicator, each with its data as a table. */
export function ChartsPanel() {
  const indicator = currentIndicator.value;
  const model = atlasModel.value;
  if (!indicator || model.status !== 'ready') return null;
  return (
    <section class="charts" aria-labelledby="charts-heading">
      <h3 id="charts-heading">{t('charts.title')}</h3>
      <div class="charts-grid">
        <SeriesChart />
        <RankingChart />
        <HistogramChart />
        <ScatterChart />
        <PopulationPyramid />
      </div>
    </section>
  );
}

export function ChartFigure({
  id,
  caption,
  note,
  children,
  table,
}: {
  id: string;
  caption: string;
  note?: string;
  children: ComponentChildren;
  table: ComponentChildren;
}) {
  return (
    <figure class="chart-figure" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {note && <p class="hint">{note}</p>}
      {children}
      <details class="chart-data">
        <summary>{t('charts.showData')}</summary>
        <div
          class="chart-table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('charts.dataOf', { chart: caption })}
        >
          {table}
        </div>
      </details>
    </figure>
  );
}

function useFormat(): { l: Lang; fmt: (v: number | null) => string; unit: string } {
  const indicator = currentIndicator.value;
  const l = lang.value;
  const d = indicator?.decimals ?? 0;
  return { l, fmt: (v) => (v === null ? '–' : formatNumber(v, d, l)), unit: indicator?.unit ?? '' };
}

export function SeriesChart() {
  const { l, fmt, unit } = useFormat();
  const state = seriesLines.state.value;
  const focus = focusKey.value;
  const lines = state.status === 'ready' ? (state.data ?? []) : [];
  const periods = [...new Set(lines.flatMap((line) => line.points.map((p) => p.period)))].sort();
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0, left: 0, textStyle: { color: INK, fontFamily: FONT } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '–') },
      ...periodAxes(periods, l, unit, fmt),
      series: lines.map((line) => {
        const byPeriod = new Map(line.points.map((p) => [p.period, p.value]));
        const style = LINE_STYLES[line.role];
        return {
          type: 'line',
          name: line.name,
          data: periods.map((p) => byPeriod.get(p) ?? null),
          color: style.color,
          symbol: style.symbol,
          symbolSize: 7,
          lineStyle: { type: style.type, width: line.role === 'area' ? 3 : 2 },
          connectNulls: false,
        };
      }),
    }),
    [lines, l],
  );
  const caption = t('charts.seriesTitle');
  if (!focus) {
    return (
      <figure class="chart-figure" id="chart-series" aria-labelledby="chart-series-caption">
        <figcaption id="chart-series-caption">{caption}</figcaption>
        <p class="muted">{t('charts.seriesNone')}</p>
      </figure>
    );
  }
  if (state.status === 'error') {
    return (
      <figure class="chart-figure" id="chart-series" aria-labelledby="chart-series-caption">
        <figcaption id="chart-series-caption">{caption}</figcaption>
        <p role="alert" class="notice">
          {t('app.error', { message: state.error ?? '' })}
        </p>
      </figure>
    );
  }
  if (state.status !== 'ready') {
    return (
      <figure class="chart-figure" id="chart-series" aria-labelledby="chart-series-caption">
        <figcaption id="chart-series-caption">{caption}</figcaption>
        <p class="muted">{t('app.loading')}</p>
      </figure>
    );
  }
  const summary = t('charts.seriesSummary', {
    lines: lines.map(lineLabel).join(', '),
    from: periods[0] ? formatPeriod(periods[0], l) : '–',
    to: periods.at(-1) ? formatPeriod(periods.at(-1)!, l) : '–',
  });
  return (
    <ChartFigure
      id="chart-series"
      caption={`${caption}: ${lines[0] ? lines[0].name : ''}`}
      table={
        <table class="chart-table" data-chart="series">
          <caption class="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.period')}</th>
              {lines.map((line) => (
                <th scope="col" key={line.key + line.role} data-area={line.key}>
                  {lineLabel(line)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p} data-period={p}>
                <th scope="row">{formatPeriod(p, l)}</th>
                {lines.map((line) => (
                  <td class="num" key={line.key + line.role}>
                    {fmt(line.points.find((x) => x.period === p)?.value ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <EChart option={option} height={260} summary={summary} />
    </ChartFigure>
  );
}

export function RankingChart() {
  const { l, fmt, unit } = useFormat();
  const model = atlasModel.value;
  const styles = areaStyles.value;
  const rankMap = ranks.value;
  const selected = selectedKeys.value;
  const level = currentLevel.value;
  const period = effectivePeriod.value;
  const shown = useMemo(() => rankingRows(model.rows, selected), [model.rows, selected]);
  const counted = rankMap.size;
  // a gap in the list becomes an empty bar labelled "…"
  const labels = shown.map((row, i) => (row ? `${rankMap.get(row.key)}. ${row.name}` : `…${' '.repeat(i)}`));
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
      grid: { left: 176, right: 48, top: 8, bottom: 24 },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '–') },
      xAxis: {
        type: 'value',
        axisLabel: { color: MUTED, formatter: (v: number) => fmt(v) },
        splitLine: { lineStyle: { color: GRID } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisLabel: {
          color: INK,
          fontFamily: FONT,
          width: 164,
          overflow: 'truncate',
          formatter: (value: string, index: number) => {
            const row = shown[index];
            return row && selected.includes(row.key) ? `{sel|${value}}` : value;
          },
          rich: { sel: { fontWeight: 'bold', color: '#000', fontSize: 12, fontFamily: FONT } },
        },
        axisTick: { show: false },
        axisLine: { lineStyle: { color: MUTED } },
      },
      series: [
        {
          type: 'bar',
          barCategoryGap: '20%',
          label: {
            show: true,
            position: 'right',
            color: INK,
            formatter: (p: { value: number | null }) => (p.value === null ? '' : fmt(p.value)),
          },
          data: shown.map((row) =>
            row
              ? {
                  value: row.value,
                  name: row.name,
                  itemStyle: {
                    color: styles.get(row.key)?.fill ?? '#8c8c8c',
                    borderColor: selected.includes(row.key) ? '#000' : '#57606a',
                    borderWidth: selected.includes(row.key) ? 3 : 0.5,
                  },
                }
              : { value: null },
          ),
        },
      ],
    }),
    [shown, styles, l, selected],
  );
  const valued = shown.filter((r): r is AreaRow => r !== null);
  const summary = t('charts.rankingSummary', {
    count: formatNumber(counted, 0, l),
    top: valued[0] ? `${valued[0].name} (${fmt(valued[0].value)})` : '–',
    bottom: valued.at(-1) ? `${valued.at(-1)!.name} (${fmt(valued.at(-1)!.value)})` : '–',
  });
  return (
    <ChartFigure
      id="chart-ranking"
      caption={t('charts.rankingTitle', {
        level: level ? localName(l, level) : '',
        period: period ? formatPeriod(period, l) : '',
      })}
      note={shown.length < counted ? t('charts.rankingPartial', { edge: RANKING_EDGE }) : undefined}
      table={
        <table class="chart-table" data-chart="ranking">
          <caption class="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{t('details.rank')}</th>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{unit ? t('table.value', { unit }) : t('table.valueNoUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {valued.map((row) => (
              <tr
                key={row.key}
                data-area={row.key}
                class={selected.includes(row.key) ? 'is-selected' : undefined}
              >
                <td class="num">{rankMap.get(row.key)}</td>
                <th scope="row">
                  {row.name}
                  {selected.includes(row.key) && (
                    <span class="visually-hidden"> ({t('browser.selected')})</span>
                  )}
                </th>
                <td class="num">{fmt(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <EChart option={option} height={Math.max(120, shown.length * 20 + 40)} summary={summary} />
    </ChartFigure>
  );
}

export function HistogramChart() {
  const { l, fmt, unit } = useFormat();
  const model = atlasModel.value;
  const classes = atlasClasses.value;
  const values = model.rows.map((r) => r.value).filter((v): v is number => v !== null);
  const bins = useMemo(() => histogramBins(values), [model.rows]);
  const c = classes?.classification;
  const breaks = c?.breaks ?? [];
  const colourOf = (v: number) => {
    const index = c ? c.classOf(v) : null;
    return index === null ? '#8c8c8c' : (classes!.colours[index] ?? '#8c8c8c');
  };
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'value',
        min: bins[0]?.low,
        max: bins.at(-1)?.high,
        axisLabel: { color: MUTED, formatter: (v: number) => fmt(v) },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: t('charts.areas'),
        nameTextStyle: { color: MUTED },
        axisLabel: { color: MUTED },
        splitLine: { lineStyle: { color: GRID } },
      },
      series: [
        {
          type: 'custom',
          data: bins.map((b) => [b.low, b.high, b.count]),
          encode: { x: [0, 1], y: 2 },
          renderItem: (
            _params: unknown,
            api: {
              value: (i: number) => number;
              coord: (p: number[]) => number[];
              style: (s: object) => object;
            },
          ) => {
            const low = api.value(0);
            const high = api.value(1);
            const [x0, y0] = api.coord([low, api.value(2)]) as [number, number];
            const [x1, y1] = api.coord([high, 0]) as [number, number];
            return {
              type: 'rect',
              shape: { x: x0, y: y0, width: Math.max(1, x1 - x0 - 1), height: y1 - y0 },
              style: { fill: colourOf((low + high) / 2), stroke: '#57606a', lineWidth: 0.5 },
            };
          },
          tooltip: {
            formatter: (p: { value: number[] }) =>
              `${fmt(p.value[0]!)} – ${fmt(p.value[1]!)}: ${formatNumber(p.value[2]!, 0, l)}`,
          },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { show: true, color: INK, formatter: (p: { value: number }) => fmt(p.value) },
            lineStyle: { color: INK, type: 'dashed', width: 1.5 },
            data: breaks.map((b) => ({ xAxis: b })),
          },
        },
      ],
    }),
    [bins, breaks.join(','), classes, l],
  );
  const summary = t('charts.histogramSummary', {
    count: formatNumber(values.length, 0, l),
    min: fmt(bins[0]?.low ?? null),
    max: fmt(bins.at(-1)?.high ?? null),
    breaks: breaks.map((b) => fmt(b)).join('; ') || '–',
  });
  return (
    <ChartFigure
      id="chart-histogram"
      caption={unit ? `${t('charts.histogramTitle')} (${unit})` : t('charts.histogramTitle')}
      note={t('charts.histogramNote')}
      table={
        <table class="chart-table" data-chart="histogram">
          <caption class="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.from')}</th>
              <th scope="col">{t('charts.to')}</th>
              <th scope="col">{t('charts.areas')}</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={i}>
                <td class="num">{fmt(b.low)}</td>
                <td class="num">{fmt(b.high)}</td>
                <td class="num">{formatNumber(b.count, 0, l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <EChart option={option} height={220} summary={summary} />
    </ChartFigure>
  );
}
