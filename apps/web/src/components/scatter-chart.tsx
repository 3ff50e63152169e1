import { ScatterChart as ScatterSeries } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { effect } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogueEntry } from '../api/types.ts';
import { localName } from '../i18n/i18n.ts';
import { formatNumber, formatPeriod, type Lang } from '../lib/format.ts';
import { regressionEnds, scatterData, type ScatterData, type ScatterPoint } from '../lib/scatter-data.ts';
import { selectArea } from '../state/actions.ts';
import { areaStyles, atlasModel } from '../state/atlas-model.ts';
import { currentIndicator, currentLevel, effectivePeriod } from '../state/data.ts';
import { setVersus, versusChoices, versusIndicator, versusValues } from '../state/scatter.ts';
import { hoverKey, lang, selectedKeys, t } from '../state/store.ts';
import { chartIn, useChartEvents } from './chart-events.ts';
import { FONT, GRID, INK, MUTED } from '../lib/chart-theme.ts';
import { ChartFigure } from './charts-panel.tsx';
import { EChart, type ChartOption } from './echart.tsx';

echarts.use([ScatterSeries]);

const LINE = '#12355b';
/** The area the mouse is over in this chart: its own hover needs no extra ring. */
let ownHover: string | null = null;

/**
 * The map's indicator (y) against a second indicator (x), one point per area of the map, with the
 * least-squares line and Pearson's r. Clicking a point selects the area, like a click on the map.
 */
export function ScatterChart() {
  const y = currentIndicator.value!;
  const x = versusIndicator.value;
  const model = atlasModel.value;
  const state = versusValues.state.value;
  const values = state.status === 'ready' ? state.data : null;
  const data = useMemo(() => (values ? scatterData(model.rows, values.values) : null), [model.rows, values]);
  const l = lang.value;
  const caption = x ? t('scatter.caption', { y: localName(l, y), x: localName(l, x) }) : t('scatter.title');
  if (!x || !values || !data || state.status !== 'ready' || values.period === null) {
    const message = !x
      ? t('scatter.choose')
      : values?.period === null
        ? t('scatter.noPeriod', { x: localName(l, x) })
        : state.status === 'error'
          ? t('app.error', { message: state.error ?? '' })
          : t('app.loading');
    return (
      <figure class="chart-figure" id="chart-scatter" aria-labelledby="chart-scatter-caption">
        <figcaption id="chart-scatter-caption">{caption}</figcaption>
        <VersusPicker />
        <p
          class={state.status === 'error' ? 'notice' : 'muted'}
          role={state.status === 'error' ? 'alert' : undefined}
        >
          {message}
        </p>
      </figure>
    );
  }
  return (
    <ScatterFigure caption={caption} x={x} y={y} data={data} period={values.period} wanted={values.wanted} />
  );
}

function VersusPicker() {
  const l = lang.value;
  const chosen = versusIndicator.value;
  // a second indicator from the URL without values on this level stays visible as the choice made
  const choices =
    chosen && !versusChoices.value.includes(chosen) ? [chosen, ...versusChoices.value] : versusChoices.value;
  const topics = [...new Set(choices.map((c) => c.topic))];
  return (
    <div class="scatter-versus">
      <label for="scatter-versus">{t('scatter.versus')}</label>
      <select
        id="scatter-versus"
        value={chosen?.id ?? ''}
        onChange={(e) => setVersus((e.currentTarget as HTMLSelectElement).value || null)}
      >
        <option value="">{t('scatter.versusNone')}</option>
        {topics.map((topic) => (
          <optgroup label={topic} key={topic}>
            {choices
              .filter((c) => c.topic === topic)
              .map((c) => (
                <option value={c.id} key={c.id}>
                  {localName(l, c)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

interface Formats {
  l: Lang;
  fx: (v: number) => string;
  fy: (v: number) => string;
  xName: string;
  yName: string;
}

function ScatterFigure({
  caption,
  x,
  y,
  data,
  period,
  wanted,
}: {
  caption: string;
  x: CatalogueEntry;
  y: CatalogueEntry;
  data: ScatterData;
  period: string;
  wanted: string;
}) {
  const l = lang.value;
  const selected = selectedKeys.value;
  const styles = areaStyles.value;
  const level = currentLevel.value;
  const yPeriod = effectivePeriod.value ?? wanted;
  const f: Formats = {
    l,
    fx: (v) => formatNumber(v, x.decimals, l),
    fy: (v) => formatNumber(v, y.decimals, l),
    xName: withUnit(localName(l, x), x.unit),
    yName: withUnit(localName(l, y), y.unit),
  };
  const chosen = new Set(selected);
  const plain = data.points.filter((p) => !chosen.has(p.key));
  const picked = data.points.filter((p) => chosen.has(p.key));
  const ends = regressionEnds(data);
  const option = useMemo<ChartOption>(
    () => scatterOption(f, plain, picked, ends, (key) => styles.get(key)?.fill ?? '#8c8c8c'),
    [data, selected, styles, l],
  );
  const wrap = useRef<HTMLDivElement>(null);
  const ring = useRef<HTMLSpanElement>(null);
  useHoverRing(wrap, ring, data, option);
  const pointOf = (e: { seriesId?: string; dataIndex: number }) =>
    e.seriesId === 'areas' ? plain[e.dataIndex] : e.seriesId === 'selected' ? picked[e.dataIndex] : undefined;
  useChartEvents(wrap, {
    click: (e) => {
      const point = pointOf(e);
      const mouse = e.event?.event;
      if (point) selectArea(point.key, Boolean(mouse && (mouse.ctrlKey || mouse.metaKey)));
    },
    mouseover: (e) => {
      const point = pointOf(e);
      if (!point) return;
      ownHover = point.key;
      hoverKey.value = point.key;
    },
    mouseout: () => {
      ownHover = null;
      hoverKey.value = null;
    },
  });
  const fit = data.fit;
  const stats = fit.r === null ? t('scatter.noFit') : statsText(fit.r, fit.r2!, fit.n, l);
  const line = fit.line ? lineText(fit.line.intercept, fit.line.slope, l) : '';
  const left = data.total - data.points.length;
  const summary = t('scatter.summary', { n: formatNumber(fit.n, 0, l), x: f.xName, y: f.yName, stats, line });
  return (
    <ChartFigure
      id="chart-scatter"
      caption={caption}
      note={t('scatter.axes', {
        level: level ? localName(l, level) : '',
        y: localName(l, y),
        yPeriod: formatPeriod(yPeriod, l),
        x: localName(l, x),
        xPeriod: formatPeriod(period, l),
      })}
      table={
        <table class="chart-table" data-chart="scatter">
          <caption class="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scatter.area')}</th>
              <th scope="col">{t('table.key')}</th>
              <th scope="col">x: {f.xName}</th>
              <th scope="col">y: {f.yName}</th>
            </tr>
          </thead>
          <ScatterRows points={data.points} chosen={chosen} f={f} />
        </table>
      }
    >
      <VersusPicker />
      {period !== wanted && (
        <p class="hint">
          {t('scatter.periodDiffers', {
            x: localName(l, x),
            wanted: formatPeriod(wanted, l),
            period: formatPeriod(period, l),
          })}
        </p>
      )}
      <p
        class="scatter-stats"
        data-r={fit.r ?? ''}
        data-slope={fit.line?.slope ?? ''}
        data-intercept={fit.line?.intercept ?? ''}
        data-n={fit.n}
      >
        <strong>{stats}</strong>
        {line && <span> · {line}</span>}
      </p>
      <div ref={wrap} class="scatter-plot">
        <EChart
          option={option}
          height={340}
          summary={summary}
          exportInfo={{
            source:
              [y.source, x.source].filter((v, i, all) => v && all.indexOf(v) === i).join('; ') || undefined,
            name: 'streudiagramm',
          }}
        />
        <span ref={ring} class="scatter-ring" aria-hidden="true" hidden />
      </div>
      <p class="hint">
        {left > 0
          ? t('scatter.leftOut', {
              count: formatNumber(left, 0, l),
              total: formatNumber(data.total, 0, l),
              noY: formatNumber(data.leftOut.noY, 0, l),
              noX: formatNumber(data.leftOut.noX, 0, l),
              neither: formatNumber(data.leftOut.neither, 0, l),
            })
          : t('scatter.allShown', { total: formatNumber(data.total, 0, l) })}{' '}
        {t('scatter.clickHint')} {t('scatter.rNote')}
      </p>
    </ChartFigure>
  );
}

/**
 * The table's rows, built when its details are opened: at Gemeinde level they are 11,000, which
 * would otherwise slow down every change of the page while nobody reads them.
 */
function ScatterRows({ points, chosen, f }: { points: ScatterPoint[]; chosen: Set<string>; f: Formats }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const details = body.current?.closest('details');
    if (!details) return;
    const sync = () => setOpen(details.open);
    sync();
    details.addEventListener('toggle', sync);
    return () => details.removeEventListener('toggle', sync);
  }, []);
  const rows = useMemo(
    () => (open ? [...points].sort((a, b) => a.name.localeCompare(b.name, f.l)) : []),
    [open, points, f.l],
  );
  return (
    <tbody ref={body}>
      {rows.map((p) => (
        <tr key={p.key} data-area={p.key} class={chosen.has(p.key) ? 'is-selected' : undefined}>
          <th scope="row">
            {p.name}
            {chosen.has(p.key) && <span class="visually-hidden"> ({t('browser.selected')})</span>}
          </th>
          <td>{p.key}</td>
          <td class="num">{f.fx(p.x)}</td>
          <td class="num">{f.fy(p.y)}</td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * Rings the point of the area hovered elsewhere (map, table) with an element laid over the chart:
 * neither the figure nor the chart is redrawn, since a map hover at Gemeinde level must not redraw
 * 11,000 points.
 */
function useHoverRing(
  wrap: { current: HTMLElement | null },
  ring: { current: HTMLElement | null },
  data: ScatterData,
  option: ChartOption,
): void {
  useEffect(() => {
    const byKey = new Map(data.points.map((p) => [p.key, p]));
    return effect(() => {
      const key = hoverKey.value;
      const point = key && key !== ownHover ? byKey.get(key) : undefined;
      const pixel = point && chartIn(wrap)?.convertToPixel({ seriesId: 'areas' }, [point.x, point.y]);
      const element = ring.current;
      if (!element) return;
      element.hidden = !pixel;
      if (pixel) element.style.transform = `translate(${pixel[0]}px, ${pixel[1]}px)`;
    });
  }, [data, option]);
}

function scatterOption(
  f: Formats,
  plain: ScatterPoint[],
  picked: ScatterPoint[],
  ends: [number, number][] | null,
  fillOf: (key: string) => string,
): ChartOption {
  const tooltip = {
    formatter: (p: { seriesId: string; dataIndex: number }) => {
      const point = (p.seriesId === 'selected' ? picked : plain)[p.dataIndex];
      if (!point) return '';
      return `<strong>${escapeHtml(point.name)}</strong><br/>x: ${escapeHtml(f.xName)}: ${f.fx(point.x)}<br/>y: ${escapeHtml(f.yName)}: ${f.fy(point.y)}`;
    },
  };
  // labels of points in the right half go to their left, so they stay inside the chart
  const xs = [...plain, ...picked].map((p) => p.x);
  const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
  const item = (p: ScatterPoint) => ({
    value: [p.x, p.y],
    name: p.name,
    label: { position: p.x > middle ? 'left' : 'right' },
    itemStyle: { color: fillOf(p.key) },
  });
  return {
    textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
    grid: { left: 12, right: 24, top: 32, bottom: 40, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      scale: true,
      name: `x: ${f.xName}`,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: MUTED, width: 360, overflow: 'truncate' },
      axisLabel: { color: MUTED, formatter: f.fx, hideOverlap: true },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: `y: ${f.yName}`,
      nameLocation: 'end',
      nameTextStyle: { color: MUTED, align: 'left', width: 360, overflow: 'truncate' },
      axisLabel: { color: MUTED, formatter: f.fy },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        id: 'areas',
        type: 'scatter',
        symbolSize: 8,
        itemStyle: { borderColor: '#57606a', borderWidth: 0.6, opacity: 0.9 },
        emphasis: { scale: 1.6, itemStyle: { borderColor: '#000', borderWidth: 1.5 } },
        tooltip,
        data: plain.map(item),
      },
      {
        id: 'fit',
        type: 'line',
        name: t('scatter.lineName'),
        silent: true,
        symbol: 'none',
        lineStyle: { color: LINE, width: 2 },
        tooltip: { show: false },
        data: ends ?? [],
        z: 3,
      },
      {
        id: 'selected',
        type: 'scatter',
        symbolSize: 13,
        itemStyle: { borderColor: '#000', borderWidth: 2.5 },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { name: string }) => p.name,
          color: '#000',
          fontWeight: 'bold',
          fontFamily: FONT,
          backgroundColor: 'rgba(255,255,255,0.85)',
          padding: [1, 3],
        },
        tooltip,
        data: picked.map(item),
        z: 4,
      },
    ],
  };
}

function withUnit(name: string, unit: string): string {
  return unit ? `${name} (${unit})` : name;
}

function statsText(r: number, r2: number, n: number, l: Lang): string {
  return t('scatter.stats', {
    r: formatNumber(r, 2, l),
    r2: formatNumber(r2, 2, l),
    n: formatNumber(n, 0, l),
  });
}

/** Slope and intercept with three significant digits: counts and rates differ by orders of magnitude. */
function lineText(intercept: number, slope: number, l: Lang): string {
  const format = new Intl.NumberFormat(l === 'de' ? 'de-DE' : 'en-GB', { maximumSignificantDigits: 3 });
  return t('scatter.line', {
    intercept: format.format(intercept),
    sign: slope < 0 ? '−' : '+',
    slope: format.format(Math.abs(slope)),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
