import { useState } from 'preact/hooks';
import { t } from '../state/store.ts';
import { composeChartSvg, svgSize, svgToPng, type ChartCaption } from './chart-image.ts';
import { downloadBlob, safeFileName } from './download.ts';
import { currentCaption } from './export-caption.ts';
import { EXPORT_FONT } from './wrap-text.ts';

/** What a chart says about itself in an export; each part defaults to the current selection. */
export interface ChartExportInfo {
  title?: string;
  subtitle?: string;
  source?: string;
  /** Part of the file name, e.g. `rangfolge`. */
  name?: string;
}

export interface ExportableChart {
  /** The chart as SVG markup (ECharts `renderToSVGString`). */
  svg(): string;
  /** The chart's element on screen (its size; its figure's caption names it). */
  element(): HTMLElement | null;
}

/** Two buttons under a chart: save it as SVG or as PNG, with title, source and date around it. */
export function ChartExportMenu({
  chart,
  info,
  name,
}: {
  chart: ExportableChart;
  info?: ChartExportInfo;
  name: string;
}) {
  const [error, setError] = useState<string | null>(null);

  const save = async (format: 'svg' | 'png') => {
    setError(null);
    try {
      const element = chart.element();
      if (!element) return;
      const size = { width: element.clientWidth, height: element.clientHeight };
      const { caption, fileParts } = chartCaption(element, info);
      const svg = composeChartSvg(chart.svg(), size, caption, measureText);
      const fileName = safeFileName([...fileParts, info?.name ?? element.closest('figure')?.id], format);
      if (format === 'svg') {
        downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName);
      } else {
        const { width, height } = svgSize(svg);
        downloadBlob(await svgToPng(svg, width, height, 2), fileName);
      }
    } catch (e) {
      setError(t('exports.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <div class="chart-export" role="group" aria-label={t('exports.chartGroup', { chart: name })}>
      <button
        type="button"
        class="secondary"
        aria-label={t('exports.chartSvgLabel', { chart: name })}
        onClick={() => void save('svg')}
      >
        {t('exports.chartSvg')}
      </button>
      <button
        type="button"
        class="secondary"
        aria-label={t('exports.chartPngLabel', { chart: name })}
        onClick={() => void save('png')}
      >
        {t('exports.chartPng')}
      </button>
      {error && (
        <p role="alert" class="notice export-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The chart's title is the caption of the figure it sits in (what the planner reads above it); the
 * selection, source and date come from the current view unless the chart names its own.
 */
function chartCaption(
  element: HTMLElement,
  info: ChartExportInfo | undefined,
): { caption: ChartCaption; fileParts: string[] } {
  const current = currentCaption();
  const figureTitle = chartName(element);
  const title = info?.title ?? figureTitle ?? current.title;
  const subtitle =
    info?.subtitle ?? (title === current.title ? current.subtitle : `${current.title} – ${current.subtitle}`);
  return {
    caption: { title, subtitle, source: info?.source ?? current.source, stamp: current.stamp },
    fileParts: current.fileParts,
  };
}

/** The text of the caption of the figure around a chart, if there is one. */
export function chartName(element: HTMLElement | null): string | null {
  const text = element?.closest('figure')?.querySelector('figcaption')?.textContent?.trim();
  return text ? text : null;
}

let probe: CanvasRenderingContext2D | null = null;
function measureText(text: string, size: number, bold: boolean): number {
  probe ??= document.createElement('canvas').getContext('2d')!;
  probe.font = `${bold ? '700 ' : ''}${size}px ${EXPORT_FONT}`;
  return probe.measureText(text).width;
}
