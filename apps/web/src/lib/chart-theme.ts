import { formatPeriod, type Lang } from './format.ts';

/** The colours and font every chart shares, so charts on all pages look alike. */
export const INK = '#1f2328';
export const MUTED = '#57606a';
export const GRID = '#d0d7de';
/** The page's font, spelled out: ECharts measures label widths with it (legend spacing, truncation). */
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/** The axes of a time-series chart: periods along x, values with the indicator's unit up y. */
export function periodAxes(periods: readonly string[], lang: Lang, unit: string, fmt: (v: number) => string) {
  return {
    xAxis: {
      type: 'category',
      data: periods.map((p) => formatPeriod(p, lang)),
      axisLabel: { color: MUTED, hideOverlap: true },
      axisLine: { lineStyle: { color: MUTED } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: unit,
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED, formatter: (v: number) => fmt(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
  };
}
