import { describe, expect, it } from 'vitest';
import type { AreaRow } from '../src/lib/area-rows.ts';
import { histogramBins, rankingRows } from '../src/lib/chart-data.ts';

const row = (key: string, value: number | null): AreaRow => ({
  key,
  name: `Area ${key}`,
  parentKey: null,
  value,
  status: value === null ? 'missing' : 'final',
  missingReason: null,
  numerator: null,
  denominator: null,
});

describe('chart data', () => {
  it('ranks all areas when few, highest first, without missing values', () => {
    const rows = [row('a', 1), row('b', 3), row('c', null), row('d', 2)];
    expect(rankingRows(rows, []).map((r) => r?.key)).toEqual(['b', 'd', 'a']);
  });

  it('shows the top and bottom ten and the selected areas of a long ranking, with gaps', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(String(i), i));
    const shown = rankingRows(rows, ['50']);
    expect(shown).toHaveLength(10 + 1 + 1 + 1 + 10);
    expect(shown[0]?.key).toBe('99');
    expect(shown[10]).toBeNull();
    expect(shown[11]?.key).toBe('50');
    expect(shown[12]).toBeNull();
    expect(shown.at(-1)?.key).toBe('0');
  });

  it('bins values into equal widths that count every value once', () => {
    const values = Array.from({ length: 100 }, (_, i) => i / 10);
    const bins = histogramBins(values);
    expect(bins.length).toBeGreaterThanOrEqual(5);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(100);
    expect(bins[0]!.low).toBe(0);
    expect(bins.at(-1)!.high).toBe(9.9);
    expect(histogramBins([])).toEqual([]);
    expect(histogramBins([2, 2])).toEqual([{ low: 2, high: 2, count: 2 }]);
  });
});
