import type { PyramidBand, PyramidDefinition } from './pyramid-definition.ts';

/** A stored count of one band and sex; `value: null` when missing (with the reason the store gives). */
export interface BandCount {
  value: number | null;
  reason: string | null;
}

/**
 * One side (male or female) of a band. `count` is what the statistics say; `perYear` spreads it over
 * the band's years, so a 3-year band and a 10-year band compare. `share` and `sharePerYear` are in
 * percent of the whole population of the area (null while a band is missing: no honest total).
 */
export interface PyramidSide {
  count: number | null;
  perYear: number | null;
  share: number | null;
  sharePerYear: number | null;
}

export interface ShapedBand {
  label: string;
  labelEn: string | null;
  ageFrom: number;
  ageTo: number | null;
  /** Where the bar ends on the age axis: `ageTo`, or the definition's `openBandTo` for the open band. */
  drawTo: number;
  /** drawTo − ageFrom: the years the band's persons are spread over. */
  years: number;
  male: PyramidSide;
  female: PyramidSide;
}

export interface MissingBandCount {
  band: string;
  sex: 'male' | 'female';
  indicator: string;
  reason: string | null;
}

export interface PyramidShape {
  bands: ShapedBand[];
  /** Sums over all bands; null when a band is missing. */
  total: number | null;
  male: number | null;
  female: number | null;
  missing: MissingBandCount[];
}

/**
 * The pyramid of one area: counts per band and sex, per year of age and as shares of the whole
 * population. Bars drawn with length `sharePerYear` and height `years` have an area proportional to
 * the band's persons, so unequal bands ("unter 3", "10 bis unter 15", "90 und mehr") are not distorted.
 */
export function shapePyramid(
  definition: PyramidDefinition,
  countOf: (indicatorId: string) => BandCount | undefined,
): PyramidShape {
  const missing: MissingBandCount[] = [];
  const read = (band: PyramidBand, sex: 'male' | 'female'): number | null => {
    const indicator = band[sex];
    const found = countOf(indicator);
    const value = found && found.value !== null && Number.isFinite(found.value) ? found.value : null;
    if (value === null) missing.push({ band: band.label, sex, indicator, reason: found?.reason ?? 'nodata' });
    return value;
  };
  const counted = definition.bands.map((band) => ({
    band,
    male: read(band, 'male'),
    female: read(band, 'female'),
  }));
  const complete = missing.length === 0;
  const sum = (sex: 'male' | 'female') => (complete ? counted.reduce((s, c) => s + c[sex]!, 0) : null);
  const male = sum('male');
  const female = sum('female');
  const total = male === null || female === null ? null : male + female;
  const bands = counted.map(({ band, male: m, female: f }) => {
    const drawTo = band.ageTo ?? definition.openBandTo!;
    const years = drawTo - band.ageFrom;
    const side = (count: number | null): PyramidSide => {
      const share = count === null || total === null || total === 0 ? null : (100 * count) / total;
      return {
        count,
        perYear: count === null ? null : count / years,
        share,
        sharePerYear: share === null ? null : share / years,
      };
    };
    return {
      label: band.label,
      labelEn: band.labelEn,
      ageFrom: band.ageFrom,
      ageTo: band.ageTo,
      drawTo,
      years,
      male: side(m),
      female: side(f),
    };
  });
  return { bands, total, male, female, missing };
}
