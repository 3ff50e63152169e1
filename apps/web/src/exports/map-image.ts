import { NO_DATA_FILL, patternImages } from '../map/map-style.ts';
import type { ExportCaption } from './export-caption.ts';
import type { LegendEntry } from './legend-entries.ts';
import { EXPORT_FONT, EXPORT_INK, EXPORT_MUTED, wrapText } from './wrap-text.ts';

export interface MapImageInput {
  /** The map's WebGL canvas, right after a render (or with a preserved drawing buffer). */
  map: HTMLCanvasElement;
  /** The map's size on screen in CSS pixels (the canvas holds that times the device pixel ratio). */
  width: number;
  height: number;
  caption: ExportCaption;
  legendTitle: string;
  legendLines: string[];
  legend: LegendEntry[];
  countText: (count: number) => string;
  /** Area names shown over the map (HTML, not in the WebGL canvas): centres in CSS pixels of the map. */
  labels: { text: string; x: number; y: number }[];
  /** Output pixels per CSS pixel (2 gives a sharp print). */
  scale: number;
}

const PAD = 20;
const LEGEND_WIDTH = 270;
const SWATCH = 18;
const ROW = 28;

/**
 * The map as one picture: title and selection on top, the map with its legend (classes, colours,
 * counts, missing values) beside it, source and export date below, on white.
 */
export function composeMapImage(input: MapImageInput): HTMLCanvasElement {
  const probe = document.createElement('canvas').getContext('2d')!;
  const width = PAD + input.width + PAD + LEGEND_WIDTH + PAD;
  const titleFont = `700 22px ${EXPORT_FONT}`;
  const textFont = `15px ${EXPORT_FONT}`;
  const smallFont = `13px ${EXPORT_FONT}`;
  const measure = (font: string) => (text: string) => {
    probe.font = font;
    return probe.measureText(text).width;
  };
  const titleLines = wrapText(input.caption.title, width - 2 * PAD, measure(titleFont));
  const sourceLines = wrapText(input.caption.source, width - 2 * PAD, measure(smallFont));
  const header = PAD + titleLines.length * 28 + 24 + 12;
  const rows = legendRows(input, measure);
  const legendHeight = legendBlockHeight(input, rows);
  const body = Math.max(input.height, legendHeight);
  const footer = 12 + (sourceLines.length + 1) * 18 + PAD;
  const height = header + body + footer;

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * input.scale);
  canvas.height = Math.round(height * input.scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(input.scale, input.scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';

  let y = PAD;
  ctx.fillStyle = EXPORT_INK;
  ctx.font = titleFont;
  for (const line of titleLines) {
    ctx.fillText(line, PAD, y);
    y += 28;
  }
  ctx.font = textFont;
  ctx.fillStyle = EXPORT_MUTED;
  ctx.fillText(input.caption.subtitle, PAD, y + 2);

  ctx.drawImage(input.map, PAD, header, input.width, input.height);
  drawLabels(ctx, input.labels, PAD, header);
  ctx.strokeStyle = '#d0d7de';
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD + 0.5, header + 0.5, input.width - 1, input.height - 1);
  drawLegend(ctx, input, rows, PAD + input.width + PAD, header, measure);

  y = header + body + 12;
  ctx.font = smallFont;
  ctx.fillStyle = EXPORT_INK;
  for (const line of sourceLines) {
    ctx.fillText(line, PAD, y);
    y += 18;
  }
  ctx.fillStyle = EXPORT_MUTED;
  ctx.fillText(input.caption.stamp, PAD, y);
  return canvas;
}

/** The names as the map shows them: dark text on a white halo, centred on their anchor. */
function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: MapImageInput['labels'],
  x: number,
  y: number,
): void {
  ctx.save();
  ctx.font = `600 11px ${EXPORT_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#fff';
  ctx.fillStyle = EXPORT_INK;
  for (const label of labels) {
    ctx.strokeText(label.text, x + label.x, y + label.y);
    ctx.fillText(label.text, x + label.x, y + label.y);
  }
  ctx.restore();
}

interface LegendRow {
  entry: LegendEntry;
  label: string[];
  count: string;
  detail: string[];
  height: number;
}

const LABEL_FONT = `14px ${EXPORT_FONT}`;
const SMALL_FONT = `13px ${EXPORT_FONT}`;

/** Lays the legend out once, so measuring and drawing agree: long labels wrap beside their count. */
function legendRows(input: MapImageInput, measure: (font: string) => (text: string) => number): LegendRow[] {
  const text = LEGEND_WIDTH - SWATCH - 10;
  return input.legend.map((entry) => {
    const count = input.countText(entry.count);
    const label = wrapText(entry.label, text - measure(SMALL_FONT)(count) - 8, measure(LABEL_FONT));
    const detail = entry.detail ? wrapText(entry.detail, text, measure(SMALL_FONT)) : [];
    const height = Math.max(ROW, label.length * 18 + 10) + detail.length * 16;
    return { entry, label, count, detail, height };
  });
}

function legendBlockHeight(input: MapImageInput, rows: LegendRow[]): number {
  return 26 + input.legendLines.length * 18 + 8 + rows.reduce((sum, row) => sum + row.height, 0);
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  input: MapImageInput,
  rows: LegendRow[],
  x: number,
  top: number,
  measure: (font: string) => (text: string) => number,
): void {
  let y = top;
  ctx.fillStyle = EXPORT_INK;
  ctx.font = `700 16px ${EXPORT_FONT}`;
  ctx.fillText(input.legendTitle, x, y);
  y += 26;
  ctx.font = SMALL_FONT;
  ctx.fillStyle = EXPORT_MUTED;
  for (const line of input.legendLines) {
    ctx.fillText(line, x, y);
    y += 18;
  }
  y += 8;
  const patterns = missingPatterns(ctx);
  for (const { entry, label, count, detail, height } of rows) {
    ctx.fillStyle =
      entry.kind === 'class'
        ? (entry.colour ?? NO_DATA_FILL)
        : entry.kind === 'nodata'
          ? NO_DATA_FILL
          : patterns[entry.kind];
    ctx.fillRect(x, y, SWATCH, SWATCH);
    ctx.strokeStyle = '#8c959f';
    ctx.strokeRect(x + 0.5, y + 0.5, SWATCH - 1, SWATCH - 1);
    ctx.fillStyle = EXPORT_INK;
    ctx.font = LABEL_FONT;
    label.forEach((line, i) => ctx.fillText(line, x + SWATCH + 10, y + 2 + i * 18));
    ctx.fillStyle = EXPORT_MUTED;
    ctx.font = SMALL_FONT;
    ctx.fillText(count, x + LEGEND_WIDTH - measure(SMALL_FONT)(count), y + 3);
    const below = y + Math.max(ROW, label.length * 18 + 10) - 6;
    detail.forEach((line, i) => ctx.fillText(line, x + SWATCH + 10, below + i * 16));
    y += height;
  }
}

/** The map's own hatch patterns (map-style.ts), so the legend swatches match the hatched areas. */
function missingPatterns(ctx: CanvasRenderingContext2D): Record<'missing' | 'suppressed', CanvasPattern> {
  const byName = new Map(patternImages().map((p) => [p.name, p.image]));
  const pattern = (name: string) => {
    const image = byName.get(name)!;
    const tile = document.createElement('canvas');
    tile.width = image.width;
    tile.height = image.height;
    tile
      .getContext('2d')!
      .putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
    return ctx.createPattern(tile, 'repeat')!;
  };
  return { missing: pattern('hatch'), suppressed: pattern('crosshatch') };
}
