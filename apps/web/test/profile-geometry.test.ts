import { describe, expect, it } from 'vitest';
import { sparkline, spineParts, spinePosition } from '../src/profile/spine-geometry.ts';
import type { ProfilePoint } from '../src/profile/profile-types.ts';

const range = { count: 5, min: 0, p25: 2, median: 5, p75: 6, max: 10 };
const point = (period: string, value: number | null): ProfilePoint => ({
  period,
  value,
  status: value === null ? 'missing' : 'final',
  missingReason: null,
});

describe('spine chart positions', () => {
  it('centres the median and puts the best value right: high values of higher-is-better and neutral rows, low values of higher-is-worse rows', () => {
    expect(spinePosition(5, range, 'neutral')).toBe(0.5);
    // Above the median: 8 is 3/5 of the way from 5 to 10 → 0.5 + 0.3.
    expect(spinePosition(8, range, 'higher_is_better')).toBe(0.8);
    expect(spinePosition(8, range, 'neutral')).toBe(0.8);
    expect(spinePosition(8, range, 'higher_is_worse')).toBeCloseTo(0.2, 12);
    // Below the median: 2 is 2/5 of the way from 0 to 5 → 0.2.
    expect(spinePosition(2, range, 'neutral')).toBeCloseTo(0.2, 12);
  });

  it('scales each half on its own, so an outlier does not squeeze the others', () => {
    const skewed = { count: 5, min: 0, p25: 1, median: 2, p75: 3, max: 100 };
    expect(spinePosition(3, skewed, 'neutral')).toBeCloseTo(0.5 + 0.5 / 98, 12);
    expect(spinePosition(1, skewed, 'neutral')).toBe(0.25);
  });

  it('keeps the band in order whatever the direction and centres a range without spread', () => {
    expect(spineParts(range, 'higher_is_worse')).toEqual({ bandFrom: 0.4, bandTo: 0.8, median: 0.5 });
    expect(spineParts(range, 'neutral')).toEqual({ bandFrom: 0.2, bandTo: 0.6, median: 0.5 });
    expect(spinePosition(3, { ...range, min: 3, median: 3, max: 3 }, 'neutral')).toBe(0.5);
  });

  it('clamps values outside the range (an ancestor may lie outside it)', () => {
    expect(spinePosition(-5, range, 'neutral')).toBe(0);
    expect(spinePosition(50, range, 'neutral')).toBe(1);
  });
});

describe('sparkline', () => {
  const box = { width: 100, height: 20, pad: 0 };

  it('draws both lines on one scale over the periods of both', () => {
    const area = [point('2012', 0), point('2014', 10)];
    const parent = [point('2012', 5), point('2014', 5), point('2016', 5)];
    const { paths, ends } = sparkline([area, parent], box);
    expect(paths).toEqual(['M0 20L50 0', 'M0 10L50 10L100 10']);
    expect(ends).toEqual([
      { x: 50, y: 0 },
      { x: 100, y: 10 },
    ]);
  });

  it('breaks a line at a missing value instead of bridging it', () => {
    const { paths } = sparkline([[point('1', 1), point('2', null), point('3', 2), point('4', 3)]], box);
    expect(paths[0]).toBe('M0 20M66.7 10L100 0');
  });

  it('draws nothing for lines without values', () => {
    expect(sparkline([[point('1', null)], []], box)).toEqual({ paths: ['', ''], ends: [null, null] });
  });
});
