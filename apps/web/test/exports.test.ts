import { describe, expect, it } from 'vitest';
import { classify } from '../../../packages/core/src/classify/index.ts';
import { composeChartSvg, escapeXml, svgSize } from '../src/exports/chart-image.ts';
import { dispositionFileName, safeFileName } from '../src/exports/download.ts';
import { areaCount, legendEntries } from '../src/exports/legend-entries.ts';
import { wrapText } from '../src/exports/wrap-text.ts';
import { translate, type MessageKey } from '../src/i18n/i18n.ts';
import type { AreaRow } from '../src/lib/area-rows.ts';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('de', key, params);
const row = (key: string, value: number | null, extra: Partial<AreaRow> = {}): AreaRow => ({
  key,
  name: key,
  parentKey: null,
  value,
  status: value === null ? 'missing' : 'final',
  missingReason: null,
  numerator: null,
  denominator: null,
  ...extra,
});
/** Every character 10 px wide: enough to test wrapping without a canvas. */
const measure = (text: string) => text.length * 10;

describe('exported pictures', () => {
  it('wraps text by words and keeps an over-long word on its own line', () => {
    expect(wrapText('eins zwei drei vier', 100, measure)).toEqual(['eins zwei', 'drei vier']);
    expect(wrapText('Donaudampfschifffahrt kurz', 100, measure)).toEqual(['Donaudampfschifffahrt', 'kurz']);
    expect(wrapText('  ', 100, measure)).toEqual([]);
  });

  it('lists the legend like the map: class limits with counts, then missing values by kind with reasons', () => {
    const rows = [
      row('a', 1),
      row('b', 2),
      row('c', 3),
      row('d', 4),
      row('e', null, { missingReason: 'secret' }),
      row('f', null, { status: 'suppressed', missingReason: 'suppressed' }),
      row('g', null, { status: 'nodata' }),
      row('h', null, { missingReason: 'not_meaningful' }),
    ];
    const classification = classify(
      rows.map((r) => r.value),
      { method: 'quantile', classes: 2 },
    );
    const entries = legendEntries(
      { classification, colours: ['#aaaaaa', '#bbbbbb'], scheme: 'orrd', reference: null, error: null },
      rows,
      1,
      'de',
      t,
    );
    expect(entries.map((e) => [e.kind, e.colour, e.label, e.count])).toEqual([
      ['class', '#aaaaaa', '1,0 bis 2,0', 2],
      ['class', '#bbbbbb', 'über 2,0 bis 4,0', 2],
      ['missing', null, 'Kein Wert', 1],
      ['suppressed', null, 'Geheimhaltung', 2],
      ['nodata', null, 'Keine Daten', 1],
    ]);
    // a secret value counts as confidential (cross-hatched), as on the map
    expect(entries[2]!.detail).toBe('Aussage nicht sinnvoll (x)');
    expect(entries[3]!.detail).toBe('geheim zu halten (.), durch Geheimhaltung gesperrt');
    expect(areaCount(1, 'de', t)).toBe('1 Gebiet');
    expect(areaCount(10990, 'de', t)).toBe('10.990 Gebiete');
  });

  it('wraps a chart SVG with title, subtitle, source and date, escaping text', () => {
    const chart =
      '<svg width="300" height="200" xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>';
    const svg = composeChartSvg(
      chart,
      { width: 300, height: 200 },
      {
        title: 'Rangfolge <A & B>',
        subtitle: 'Kreise, 2020',
        source: 'Quelle: Amt "X"',
        stamp: 'Exportiert am 02.01.2026',
      },
      (text) => measure(text),
    );
    expect(svg).toContain('<title>Rangfolge &lt;A &amp; B&gt;</title>');
    expect(svg).toContain('Quelle: Amt &quot;X&quot;');
    expect(svg).toContain('Exportiert am 02.01.2026');
    // the chart keeps its own viewport, moved below the title, with one namespace declaration in all
    expect(svg).toMatch(/<svg x="16" y="\d+" width="300" height="200"><rect/);
    expect(svg.match(/xmlns="/g)).toHaveLength(1);
    const size = svgSize(svg);
    expect(size.width).toBe(320 + 2 * 16);
    expect(size.height).toBeGreaterThan(200 + 60);
    expect(escapeXml('a<b')).toBe('a&lt;b');
    expect(() =>
      composeChartSvg(
        '',
        { width: 1, height: 1 },
        { title: '', subtitle: '', source: '', stamp: '' },
        measure,
      ),
    ).toThrow(/SVG/);
  });

  it('reads the file name the server gives and builds safe ones', () => {
    expect(dispositionFileName(`attachment; filename="a_b.xlsx"; filename*=UTF-8''a_%C3%BC.xlsx`)).toBe(
      'a_ü.xlsx',
    );
    expect(dispositionFileName('attachment; filename="plain.csv"')).toBe('plain.csv');
    expect(dispositionFileName(null)).toBeNull();
    expect(safeFileName(['lagebild', 'x y', null, 'kreis/2020'], 'png')).toBe('lagebild_x-y_kreis-2020.png');
  });
});
