import { EXPORT_FONT, EXPORT_INK, EXPORT_MUTED, wrapText } from './wrap-text.ts';

export interface ChartCaption {
  title: string;
  subtitle: string;
  source: string;
  stamp: string;
}

const PAD = 16;
const TITLE = 18;
const TEXT = 13;

/**
 * Puts a chart's SVG (ECharts `renderToSVGString`) into a larger SVG with its title and selection
 * above and source and export date below, on white, so the file explains itself when it travels.
 * `measure` gives the width of a text in the export font (a canvas does), for wrapping.
 */
export function composeChartSvg(
  chartSvg: string,
  size: { width: number; height: number },
  caption: ChartCaption,
  measure: (text: string, fontSize: number, bold: boolean) => number,
): string {
  const width = Math.max(size.width, 320) + 2 * PAD;
  const inner = width - 2 * PAD;
  const titleLines = wrapText(caption.title, inner, (t) => measure(t, TITLE, true));
  const subtitleLines = wrapText(caption.subtitle, inner, (t) => measure(t, TEXT, false));
  const sourceLines = wrapText(caption.source, inner, (t) => measure(t, TEXT - 1, false));
  let y = PAD;
  const texts: string[] = [];
  const line = (text: string, size: number, colour: string, bold = false) => {
    texts.push(
      `<text x="${PAD}" y="${y + size}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${colour}">${escapeXml(text)}</text>`,
    );
    y += Math.round(size * 1.45);
  };
  for (const text of titleLines) line(text, TITLE, EXPORT_INK, true);
  for (const text of subtitleLines) line(text, TEXT, EXPORT_MUTED);
  y += 8;
  const chartTop = y;
  y += size.height + 10;
  for (const text of sourceLines) line(text, TEXT - 1, EXPORT_INK);
  line(caption.stamp, TEXT - 1, EXPORT_MUTED);
  const height = y + PAD;
  const chart = nestedSvg(chartSvg, PAD, chartTop, size);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(EXPORT_FONT)}">`,
    `<title>${escapeXml(caption.title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...texts,
    chart,
    '</svg>',
  ].join('\n');
}

/** The chart's own `<svg>` placed at (x, y) with its size: a nested viewport keeps its coordinates. */
function nestedSvg(svg: string, x: number, y: number, size: { width: number; height: number }): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('the chart did not render as SVG');
  const body = svg.slice(start);
  const open = body.indexOf('>');
  const attributes = body
    .slice(4, open)
    .replace(/\s(x|y|width|height)="[^"]*"/g, '')
    .replace(/\s(?:xmlns(?::xlink)?)="[^"]*"/g, '');
  return `<svg x="${x}" y="${y}" width="${size.width}" height="${size.height}"${attributes}${body.slice(open)}`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Draws an SVG onto a canvas at `scale` and returns it as PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Width and height of a composed SVG (from its root attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: read('width'), height: read('height') };
}
