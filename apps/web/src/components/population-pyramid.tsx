import { useMemo } from 'preact/hooks';
import type { PyramidBand, PyramidResponse } from '../api/types.ts';
import { formatNumber, formatPeriod, type Lang } from '../lib/format.ts';
import { longestBar, outlinePoints, SIDE_SIGN, type Sex } from '../lib/pyramid-data.ts';
import { currentPyramid, pyramidView, type PyramidView } from '../state/pyramid.ts';
import { lang, t } from '../state/store.ts';
import { FONT, GRID, INK, MUTED } from '../lib/chart-theme.ts';
import { ChartFigure } from './charts-panel.tsx';
import { EChart, type ChartOption } from './echart.tsx';

/** Men left, women right; told apart by side and legend too, never by colour alone. */
const COLOURS: Record<Sex, string> = { male: '#1a5fb4', female: '#c64600' };
const SEXES: Sex[] = ['male', 'female'];
const SHARE_DECIMALS = 2;
const PER_YEAR_DECIMALS = 3;

/**
 * The population pyramid of the selected area (or of the parent area or the whole when none is
 * selected) with the pyramid of its parent area as an outline. Bars are as tall as their age band and
 * as long as the band's share of the population per year of age, so their area is the band's persons.
 */
export function PopulationPyramid() {
  const pyramid = currentPyramid.value;
  const state = pyramidView.state.value;
  if (!pyramid) return null;
  const caption = t('pyramid.title');
  if (state.status !== 'ready' || !state.data) {
    const failed = state.status === 'error';
    return (
      <figure class="chart-figure" id="chart-pyramid" aria-labelledby="chart-pyramid-caption">
        <figcaption id="chart-pyramid-caption">{caption}</figcaption>
        <p class={failed ? 'notice' : 'muted'} role={failed ? 'alert' : undefined}>
          {failed ? t('app.error', { message: state.error ?? '' }) : t('app.loading')}
        </p>
      </figure>
    );
  }
  return <PyramidFigure view={state.data} />;
}

function PyramidFigure({ view }: { view: PyramidView }) {
  const l = lang.value;
  const { subject, comparison } = view;
  const name = subject.area.name;
  const period = formatPeriod(subject.period, l);
  const option = useMemo(() => pyramidOption(subject, comparison, l), [subject, comparison, l]);
  const open = subject.bands.find((b) => b.ageTo === null);
  const outline = comparison ? t('pyramid.outline', { area: comparison.area.name }) : t('pyramid.noOutline');
  const largest = [...subject.bands].sort((a, b) => total(b) - total(a))[0];
  const summary = t('pyramid.summary', {
    area: name,
    period,
    total: count(subject.total, l),
    male: count(subject.male, l),
    female: count(subject.female, l),
    largest: largest ? bandLabel(largest, l) : '–',
    outline,
  });
  const notes = [
    view.role === 'parent' ? t('pyramid.roleParent', { area: name }) : null,
    view.role === 'whole' ? t('pyramid.roleWhole', { area: name }) : null,
    outline,
  ].filter(Boolean);
  return (
    <ChartFigure
      id="chart-pyramid"
      caption={t('pyramid.caption', { area: name, period })}
      note={notes.join(' ')}
      table={<PyramidTable subject={subject} comparison={comparison} summary={summary} />}
    >
      {subject.missing.length > 0 && (
        <p class="notice" role="status">
          {t('pyramid.missing', { area: name, count: subject.missing.length })}
        </p>
      )}
      <EChart
        option={option}
        height={380}
        summary={summary}
        exportInfo={{ source: subject.pyramid.source ?? undefined, name: 'bevoelkerungspyramide' }}
      />
      <p class="hint">
        {open && subject.pyramid.openBandTo !== null
          ? t('pyramid.note', { open: bandLabel(open, l), to: subject.pyramid.openBandTo })
          : t('pyramid.note', { open: '–', to: '–' })}
        {subject.pyramid.source && <> {t('pyramid.source', { source: subject.pyramid.source })}</>}
      </p>
    </ChartFigure>
  );
}

function PyramidTable({
  subject,
  comparison,
  summary,
}: {
  subject: PyramidResponse;
  comparison: PyramidResponse | null;
  summary: string;
}) {
  const l = lang.value;
  const sexName = (sex: Sex) => t(sex === 'male' ? 'pyramid.male' : 'pyramid.female');
  const compared = new Map(comparison?.bands.map((b) => [b.label, b]));
  return (
    <table class="chart-table" data-chart="pyramid" data-area={subject.area.key}>
      <caption class="visually-hidden">{summary}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pyramid.band')}</th>
          {SEXES.map((s) => (
            <th scope="col" key={`c${s}`}>
              {t('pyramid.count', { sex: sexName(s) })}
            </th>
          ))}
          {SEXES.map((s) => (
            <th scope="col" key={`s${s}`}>
              {t('pyramid.share', { sex: sexName(s) })}
            </th>
          ))}
          {SEXES.map((s) => (
            <th scope="col" key={`p${s}`}>
              {t('pyramid.perYear', { sex: sexName(s) })}
            </th>
          ))}
          {comparison &&
            SEXES.map((s) => (
              <th scope="col" key={`o${s}`} data-area={comparison.area.key}>
                {t('pyramid.compareCol', { area: comparison.area.name, sex: sexName(s) })}
              </th>
            ))}
        </tr>
      </thead>
      <tbody>
        {subject.bands.map((band) => (
          <tr key={band.label} data-band={band.ageFrom}>
            <th scope="row">{bandLabel(band, l)}</th>
            {SEXES.map((s) => (
              <td class="num" key={`c${s}`}>
                {count(band[s].count, l)}
              </td>
            ))}
            {SEXES.map((s) => (
              <td class="num" key={`s${s}`}>
                {num(band[s].share, SHARE_DECIMALS, l)}
              </td>
            ))}
            {SEXES.map((s) => (
              <td class="num" key={`p${s}`}>
                {num(band[s].sharePerYear, PER_YEAR_DECIMALS, l)}
              </td>
            ))}
            {comparison &&
              SEXES.map((s) => (
                <td class="num" key={`o${s}`}>
                  {num(compared.get(band.label)?.[s].sharePerYear ?? null, PER_YEAR_DECIMALS, l)}
                </td>
              ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('pyramid.total')}</th>
          <td class="num">{count(subject.male, l)}</td>
          <td class="num">{count(subject.female, l)}</td>
          <td class="num">{num(percent(subject.male, subject.total), SHARE_DECIMALS, l)}</td>
          <td class="num">{num(percent(subject.female, subject.total), SHARE_DECIMALS, l)}</td>
          <td colSpan={comparison ? 4 : 2} />
        </tr>
      </tfoot>
    </table>
  );
}

function pyramidOption(subject: PyramidResponse, comparison: PyramidResponse | null, l: Lang): ChartOption {
  const bands = subject.bands;
  const top = bands.at(-1)?.drawTo ?? 100;
  const max = niceMax(longestBar(bands, comparison?.bands));
  const sexName = (sex: Sex) => t(sex === 'male' ? 'pyramid.male' : 'pyramid.female');
  const bars = SEXES.map((sex) => ({
    type: 'custom',
    name: sexName(sex),
    color: COLOURS[sex],
    data: bands.map((b) => [SIDE_SIGN[sex] * (b[sex].sharePerYear ?? 0), b.ageFrom, b.drawTo]),
    encode: { x: 0, y: [1, 2] },
    renderItem: (
      _params: unknown,
      api: { value: (i: number) => number; coord: (p: number[]) => number[] },
    ) => {
      const [x0, y0] = api.coord([0, api.value(1)]) as [number, number];
      const [x1, y1] = api.coord([api.value(0), api.value(2)]) as [number, number];
      return {
        type: 'rect',
        shape: {
          x: Math.min(x0, x1),
          y: y1 + 0.5,
          width: Math.abs(x1 - x0),
          height: Math.max(0.5, y0 - y1 - 1),
        },
        style: { fill: COLOURS[sex], stroke: '#fff', lineWidth: 0.5 },
      };
    },
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const band = bands[p.dataIndex]!;
        return `${sexName(sex)}, ${t('pyramid.tooltip', {
          band: bandLabel(band, l),
          count: count(band[sex].count, l),
          share: num(band[sex].share, SHARE_DECIMALS, l),
          perYear: num(band[sex].sharePerYear, PER_YEAR_DECIMALS, l),
        })}`;
      },
    },
  }));
  const outlines = comparison
    ? SEXES.map((sex) => ({
        type: 'line',
        name: comparison.area.name,
        color: INK,
        data: outlinePoints(comparison.bands, sex),
        symbol: 'none',
        silent: true,
        lineStyle: { color: INK, width: 1.5, type: 'dashed' },
        tooltip: { show: false },
        z: 4,
      }))
    : [];
  return {
    textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
    legend: { top: 0, right: 0, textStyle: { color: INK, fontFamily: FONT } },
    grid: { left: 8, right: 16, top: 52, bottom: 36, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      min: -max,
      max,
      name: t('pyramid.axis'),
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: MUTED },
      axisLabel: {
        color: MUTED,
        formatter: (v: number) => formatNumber(Math.abs(v), 2, l),
        hideOverlap: true,
      },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: top,
      interval: 10,
      name: t('pyramid.age'),
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [...bars, ...outlines],
  };
}

/** A round upper end of the axis a little beyond the longest bar. */
function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Math.ceil((value * 1.05) / step) * step;
}

function total(band: PyramidBand): number {
  return (band.male.count ?? 0) + (band.female.count ?? 0);
}

function percent(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : (100 * part) / whole;
}

function bandLabel(band: PyramidBand, l: Lang): string {
  return l === 'en' && band.labelEn ? band.labelEn : band.label;
}

function count(value: number | null, l: Lang): string {
  return value === null ? '–' : formatNumber(value, 0, l);
}

function num(value: number | null, decimals: number, l: Lang): string {
  return value === null ? '–' : formatNumber(value, decimals, l);
}
