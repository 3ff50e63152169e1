import { useMemo } from 'preact/hooks';
import { EChart, type ChartOption } from '../components/echart.tsx';
import { localName } from '../i18n/i18n.ts';
import { FONT, INK, periodAxes } from '../lib/chart-theme.ts';
import { formatNumber, formatPeriod, type Lang } from '../lib/format.ts';
import { hoverKey, lang, t } from '../state/store.ts';
import { areaStyle } from './area-styles.ts';
import { LineSwatch } from './compare-table.tsx';
import type { CompareArea, CompareAreasResponse, CompareIndicator } from './compare-types.ts';

/** One small line chart per indicator, one line per area, each with its data as a table. */
export function CompareCharts({ data }: { data: CompareAreasResponse }) {
  return (
    <section class="compare-charts" aria-labelledby="compare-charts-heading">
      <h3 id="compare-charts-heading">{t('compare.chartsTitle')}</h3>
      <div class="charts-grid">
        {data.indicators.map((compared) => (
          <IndicatorChart key={compared.indicator.id} compared={compared} areas={data.areas} />
        ))}
      </div>
    </section>
  );
}

function IndicatorChart({ compared, areas }: { compared: CompareIndicator; areas: CompareArea[] }) {
  const l = lang.value;
  const { indicator } = compared;
  const name = localName(l, indicator);
  const fmt = (v: number | null) => (v === null ? '–' : formatNumber(v, indicator.decimals, l));
  const periods = useMemo(
    () => [...new Set(compared.series.flatMap((s) => s.values.map((v) => v.period)))].sort(),
    [compared],
  );
  const valueAt = useMemo(() => {
    const table = new Map<string, Map<string, number | null>>();
    for (const s of compared.series) table.set(s.areaKey, new Map(s.values.map((v) => [v.period, v.value])));
    return (area: string, period: string) => table.get(area)?.get(period) ?? null;
  }, [compared]);
  const areaName = (area: CompareArea) => area.name ?? area.key;
  const highlighted = hoverKey.value;
  const option = useMemo(
    () => seriesOption(compared, areas, periods, valueAt, l, highlighted),
    [compared, areas, l, highlighted],
  );
  const id = `compare-chart-${indicator.id}`;
  const caption = t('compare.chartCaption', { indicator: name, unit: indicator.unit });
  if (periods.length === 0) {
    return (
      <figure class="chart-figure" id={id} aria-labelledby={`${id}-caption`}>
        <figcaption id={`${id}-caption`}>{caption}</figcaption>
        <p class="muted">{t('compare.chartNoSeries')}</p>
      </figure>
    );
  }
  const summary = t('compare.chartSummary', {
    indicator: name,
    from: formatPeriod(periods[0]!, l),
    to: formatPeriod(periods.at(-1)!, l),
    areas: areas.map(areaName).join(', '),
  });
  return (
    <figure class="chart-figure" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <ul class="chart-legend" aria-label={t('legend.title')}>
        {areas.map((area, i) => (
          <li key={area.key} class={highlighted === area.key ? 'is-highlighted' : undefined}>
            <LineSwatch index={i} />
            {areaName(area)}
          </li>
        ))}
      </ul>
      <EChart option={option} height={240} summary={summary} />
      <details class="chart-data">
        <summary>{t('charts.showData')}</summary>
        <div
          class="chart-table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('charts.dataOf', { chart: caption })}
        >
          <table class="chart-table" data-chart="compare-series" data-indicator={indicator.id}>
            <caption class="visually-hidden">{summary}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.period')}</th>
                {areas.map((area, i) => (
                  <th scope="col" key={area.key} data-area={area.key}>
                    <LineSwatch index={i} />
                    {areaName(area)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p} data-period={p}>
                  <th scope="row">{formatPeriod(p, l)}</th>
                  {areas.map((area) => (
                    <td class="num" key={area.key} data-area={area.key}>
                      {fmt(valueAt(area.key, p))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function seriesOption(
  compared: CompareIndicator,
  areas: CompareArea[],
  periods: string[],
  valueAt: (area: string, period: string) => number | null,
  l: Lang,
  highlighted: string | null,
): ChartOption {
  const { decimals, unit } = compared.indicator;
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, decimals, l) : '–');
  return {
    textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
    // the legend is HTML above the chart: it wraps, and shows the same swatches as the table
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    ...periodAxes(periods, l, unit, fmt),
    series: areas.map((area, i) => {
      const style = areaStyle(i);
      const faded = highlighted !== null && highlighted !== area.key;
      return {
        type: 'line',
        name: area.name ?? area.key,
        data: periods.map((p) => valueAt(area.key, p)),
        color: style.color,
        symbol: style.symbol,
        symbolSize: 8,
        lineStyle: { type: style.dash, width: highlighted === area.key ? 4 : 2.5, opacity: faded ? 0.3 : 1 },
        itemStyle: { opacity: faded ? 0.3 : 1 },
        z: highlighted === area.key ? 3 : 2,
        connectNulls: false,
      };
    }),
  };
}
