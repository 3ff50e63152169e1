import { describe, expect, it } from 'vitest';
import { rankByValue, joinAreaValues, missingKind } from '../src/lib/area-rows.ts';
import { classifyValues } from '../src/lib/classification.ts';
import { divergingColours, sequentialColours } from '../src/lib/colour-schemes.ts';
import type { AreaFeature, Value } from '../src/api/types.ts';

const feature = (key: string): AreaFeature => ({
  type: 'Feature',
  id: key,
  geometry: null,
  properties: { key, name: key, parentKey: null, validFrom: null, validTo: null },
});
const value = (areaKey: string, v: number | null, extra: Partial<Value> = {}): Value => ({
  areaKey,
  areaName: areaKey,
  period: '2020',
  value: v,
  numerator: null,
  denominator: null,
  status: v === null ? 'missing' : 'final',
  missingReason: null,
  batchId: 1,
  ...extra,
});

describe('rows, classes and colours', () => {
  it('joins areas and values and tells missing kinds apart', () => {
    const rows = joinAreaValues(
      [feature('a'), feature('b'), feature('c'), feature('d')],
      [
        value('a', 1),
        value('b', null, { missingReason: 'not_meaningful' }),
        value('c', null, { status: 'suppressed' }),
      ],
    );
    expect(rows.map(missingKind)).toEqual([null, 'missing', 'suppressed', 'nodata']);
    expect(
      rankByValue([...rows, { ...rows[0]!, key: 'e', value: 1 }, { ...rows[0]!, key: 'f', value: 3 }]),
    ).toEqual(
      new Map([
        ['f', 1],
        ['a', 2],
        ['e', 2],
      ]),
    );
  });

  it('classifies through the core and colours sequentially by polarity', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null];
    const result = classifyValues(values, {
      method: 'quantile',
      classes: 5,
      breaks: null,
      scheme: null,
      reference: null,
      polarity: 'higher_is_worse',
    });
    expect(result.classification?.counts).toEqual([2, 2, 2, 2, 2]);
    expect(result.scheme).toBe('orrd');
    expect(result.colours).toEqual(sequentialColours('orrd', 5));
  });

  it('merges coinciding limits instead of showing empty classes', () => {
    const result = classifyValues([20, 27, 30], {
      method: 'quantile',
      classes: 5,
      breaks: null,
      scheme: null,
      reference: null,
      polarity: 'neutral',
    });
    expect(result.classification?.counts.every((c) => c > 0)).toBe(true);
  });

  it('falls back to quantiles when manual limits are invalid', () => {
    const result = classifyValues([1, 2, 3], {
      method: 'manual',
      classes: 5,
      breaks: [3, 1],
      scheme: null,
      reference: null,
      polarity: 'neutral',
    });
    expect(result.error).toMatch(/breaks/);
    expect(result.classification?.method).toBe('quantile');
  });

  it('diverges around the reference: below is one arm, above the other, equal steps alike', () => {
    const colours = divergingColours('rdbu', [-1, 0, 1], [-3, 3], 0);
    expect(colours).toHaveLength(4);
    expect(colours[0]).toBe('#2166ac'); // the farthest class below: the strongest blue
    expect(colours[3]).toBe('#b2182b'); // the farthest above: the strongest red
    // One class below, three above: the class below is one step from the reference, not the darkest.
    const lopsided = divergingColours('rdbu', [0, 1, 2], [-1, 3], 0);
    expect(lopsided[3]).toBe('#b2182b');
    expect(lopsided[0]).not.toBe('#2166ac');
  });

  it('flips a diverging scheme when higher is better, so red stays unfavourable', () => {
    const worse = classifyValues([-2, -1, 1, 2], {
      method: 'manual',
      classes: 2,
      breaks: [0],
      scheme: 'rdbu',
      reference: 0,
      polarity: 'higher_is_worse',
    });
    const better = classifyValues([-2, -1, 1, 2], {
      method: 'manual',
      classes: 2,
      breaks: [0],
      scheme: 'rdbu',
      reference: 0,
      polarity: 'higher_is_better',
    });
    expect(better.colours).toEqual([...worse.colours].reverse());
  });
});
