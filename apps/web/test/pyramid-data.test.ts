import { describe, expect, it } from 'vitest';
import type { PyramidBand, PyramidSummary } from '../src/api/types.ts';
import { longestBar, outlinePoints, pyramidForLevel, pyramidPeriod } from '../src/lib/pyramid-data.ts';

const side = (sharePerYear: number | null) => ({ count: null, perYear: null, share: null, sharePerYear });
const band = (ageFrom: number, drawTo: number, male: number | null, female: number | null): PyramidBand => ({
  label: `${ageFrom}`,
  labelEn: null,
  ageFrom,
  ageTo: drawTo,
  drawTo,
  years: drawTo - ageFrom,
  male: side(male),
  female: side(female),
});

const summary = (id: string, levels: PyramidSummary['levels']): PyramidSummary => ({
  id,
  name: id,
  nameEn: null,
  description: null,
  source: null,
  openBandTo: null,
  bands: [],
  levels,
});

describe('pyramid data', () => {
  it('draws the outline of a side as steps from the age axis and back', () => {
    const bands = [band(0, 3, 0.5, 0.4), band(3, 10, 0.6, 0.7)];
    expect(outlinePoints(bands, 'male')).toEqual([
      [0, 0],
      [-0.5, 0],
      [-0.5, 3],
      [-0.6, 3],
      [-0.6, 10],
      [0, 10],
    ]);
    expect(outlinePoints(bands, 'female')[4]).toEqual([0.7, 10]);
    // no outline while a band has no share
    expect(outlinePoints([band(0, 3, null, 0.4)], 'male')).toEqual([]);
  });

  it('scales both sides to the longest bar of all pyramids drawn', () => {
    expect(longestBar([band(0, 3, 0.5, 0.4)], [band(0, 3, 0.2, 0.9)], null)).toBe(0.9);
    expect(longestBar()).toBe(0);
  });

  it('finds the pyramid of a level and its period nearest to the map’s', () => {
    const list = [
      summary('gemeinden', [{ levelId: 'gemeinde', periods: ['2022-12-31'] }]),
      summary('kreise', [
        { levelId: 'bund', periods: ['2015-12-31'] },
        { levelId: 'kreis', periods: ['2011-12-31', '2015-12-31'] },
      ]),
    ];
    expect(pyramidForLevel(list, 'kreis')?.id).toBe('kreise');
    expect(pyramidForLevel(list, 'berlin-plr')).toBeNull();
    const kreise = list[1]!;
    expect(pyramidPeriod(kreise, 'kreis', '2016')).toBe('2015-12-31');
    expect(pyramidPeriod(kreise, 'kreis', '2013')).toBe('2011-12-31');
    expect(pyramidPeriod(kreise, 'kreis', null)).toBe('2015-12-31');
    expect(pyramidPeriod(kreise, 'land', '2016')).toBeNull();
  });
});
