import { describe, expect, it } from 'vitest';
import { parsePyramidDefinitions, shapePyramid, type BandCount } from '../../src/pyramids/index.ts';

// Deutschland, 31.12.2015 (GENESIS 12411-03-03-4), three bands of unequal width made of its groups:
// unter 3 Jahre; 3 bis unter 85 (the sum of the 18 groups between); 85 und mehr (85–90 and 90+).
const [pyramid] = parsePyramidDefinitions({
  pyramids: [
    {
      id: 'de-2015',
      name: 'Deutschland 2015',
      openBandTo: 100,
      bands: [
        { label: 'unter 3', ageFrom: 0, ageTo: 3, male: 'm0', female: 'w0' },
        { label: '3 bis unter 85', ageFrom: 3, ageTo: 85, male: 'm3', female: 'w3' },
        { label: '85 und mehr', ageFrom: 85, ageTo: null, male: 'm85', female: 'w85' },
      ],
    },
  ],
});
const MALE_TOTAL = 40_514_123;
const FEMALE_TOTAL = 41_661_561;
const COUNTS: Record<string, number> = {
  m0: 1_130_438,
  w0: 1_069_969,
  m85: 504_530 + 163_672,
  w85: 982_170 + 554_419,
};
COUNTS.m3 = MALE_TOTAL - COUNTS.m0! - COUNTS.m85!;
COUNTS.w3 = FEMALE_TOTAL - COUNTS.w0! - COUNTS.w85!;

const stored = (id: string): BandCount | undefined =>
  id in COUNTS ? { value: COUNTS[id]!, reason: null } : undefined;

describe('shapePyramid', () => {
  it('adds the bands up to the published total and gives shares of it', () => {
    const shape = shapePyramid(pyramid!, stored);
    expect(shape.total).toBe(82_175_684);
    expect(shape.male).toBe(MALE_TOTAL);
    expect(shape.female).toBe(FEMALE_TOTAL);
    expect(shape.missing).toEqual([]);
    const shares = shape.bands.flatMap((b) => [b.male.share!, b.female.share!]);
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 10);
    expect(shape.bands[0]!.male.share).toBeCloseTo((100 * 1_130_438) / 82_175_684, 12);
  });

  it('spreads each band over its years, so bar areas are proportional to persons', () => {
    const shape = shapePyramid(pyramid!, stored);
    const [young, middle, old] = shape.bands;
    expect([young!.years, middle!.years, old!.years]).toEqual([3, 82, 15]);
    expect(old!.drawTo).toBe(100);
    expect(young!.male.perYear).toBeCloseTo(1_130_438 / 3, 9);
    expect(middle!.female.sharePerYear! * middle!.years).toBeCloseTo(middle!.female.share!, 12);
    // per band there are more women of 85 and over (1.54 M) than boys under 3 (1.13 M), but per year
    // of age the boys are more than three times as many: equal bar heights would hide that
    expect(young!.male.count!).toBeLessThan(old!.female.count!);
    expect(young!.male.perYear! / old!.female.perYear!).toBeCloseTo(1_130_438 / 3 / (1_536_589 / 15), 9);
    expect(young!.male.perYear! / old!.female.perYear!).toBeGreaterThan(3);
  });

  it('keeps counts but gives no shares while a band is missing, and names it', () => {
    const shape = shapePyramid(pyramid!, (id) =>
      id === 'w85' ? { value: null, reason: 'secret' } : id === 'm85' ? undefined : stored(id),
    );
    expect(shape.total).toBeNull();
    expect(shape.missing).toEqual([
      { band: '85 und mehr', sex: 'male', indicator: 'm85', reason: 'nodata' },
      { band: '85 und mehr', sex: 'female', indicator: 'w85', reason: 'secret' },
    ]);
    expect(shape.bands[0]!.male).toEqual({
      count: 1_130_438,
      perYear: 1_130_438 / 3,
      share: null,
      sharePerYear: null,
    });
  });
});
