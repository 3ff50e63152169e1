/**
 * Colour schemes for choropleths, all readable with the common colour-vision deficiencies:
 * ColorBrewer's sequential and colour-blind-safe diverging schemes (Cynthia Brewer, Apache-2.0) and
 * viridis/cividis. Each is stored as 9 anchors from low to high and sampled for k classes.
 */
export const SEQUENTIAL_SCHEMES = {
  blues: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
  greens: ['#f7fcf5', '#e5f5e0', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#006d2c', '#00441b'],
  orrd: ['#fff7ec', '#fee8c8', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#b30000', '#7f0000'],
  purples: [
    '#fcfbfd',
    '#efedf5',
    '#dadaeb',
    '#bcbddc',
    '#9e9ac8',
    '#807dba',
    '#6a51a3',
    '#54278f',
    '#3f007d',
  ],
  ylgnbu: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'],
  viridis: [
    '#fde725',
    '#a0da39',
    '#4ac16d',
    '#1fa187',
    '#277f8e',
    '#365c8d',
    '#46327e',
    '#440154',
    '#2d0a3f',
  ],
} as const;

export const DIVERGING_SCHEMES = {
  rdbu: ['#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b'],
  puor: ['#542788', '#8073ac', '#b2abd2', '#d8daeb', '#f7f7f7', '#fee0b6', '#fdb863', '#e08214', '#b35806'],
  brbg: ['#01665e', '#35978f', '#80cdc1', '#c7eae5', '#f5f5f5', '#f6e8c3', '#dfc27d', '#bf812d', '#8c510a'],
  piyg: ['#4d9221', '#7fbc41', '#b8e186', '#e6f5d0', '#f7f7f7', '#fde0ef', '#f1b6da', '#de77ae', '#c51b7d'],
} as const;

export type SequentialScheme = keyof typeof SEQUENTIAL_SCHEMES;
export type DivergingScheme = keyof typeof DIVERGING_SCHEMES;
export type SchemeName = SequentialScheme | DivergingScheme;

export const SCHEME_NAMES = [
  ...Object.keys(SEQUENTIAL_SCHEMES),
  ...Object.keys(DIVERGING_SCHEMES),
] as SchemeName[];

export function isDiverging(scheme: SchemeName): scheme is DivergingScheme {
  return scheme in DIVERGING_SCHEMES;
}

/** Samples k colours from a sequential scheme, skipping its near-white end so no class looks empty. */
export function sequentialColours(scheme: SequentialScheme, k: number): string[] {
  const anchors = SEQUENTIAL_SCHEMES[scheme];
  const start = scheme === 'viridis' ? 0 : 0.12;
  return Array.from({ length: k }, (_, i) =>
    sample(anchors, k === 1 ? 1 : start + ((1 - start) * i) / (k - 1)),
  );
}

/**
 * Colours for diverging classes around a reference value: classes wholly below the reference take
 * the low arm, classes wholly above take the high arm, a class containing it is neutral. Both arms
 * use the same steps outward, so equal distance from the reference means equal colour strength.
 * `breaks` are the k − 1 inner limits; `domain` is [min, max].
 */
export function divergingColours(
  scheme: DivergingScheme,
  breaks: readonly number[],
  domain: readonly [number, number],
  reference: number,
  reversed = false,
): string[] {
  const anchors = reversed ? [...DIVERGING_SCHEMES[scheme]].reverse() : DIVERGING_SCHEMES[scheme];
  const lows = [domain[0], ...breaks];
  const highs = [...breaks, domain[1]];
  const sides = lows.map((low, i) => sideOf(low, highs[i]!, reference));
  const below = sides.filter((s) => s < 0).length;
  const above = sides.filter((s) => s > 0).length;
  const arm = Math.max(below, above, 1);
  let belowSeen = 0;
  let aboveSeen = 0;
  return sides.map((side) => {
    if (side === 0) return anchors[4];
    if (side < 0) {
      const step = below - belowSeen++; // the lowest class is the farthest from the reference
      return sample(anchors, 0.5 - (0.5 * step) / arm);
    }
    const step = ++aboveSeen;
    return sample(anchors, 0.5 + (0.5 * step) / arm);
  });
}

/**
 * Colours for k classes of a scheme; diverging schemes need the reference and the domain, and run
 * from their first arm (low) to their second (high) unless `reversed`.
 */
export function classColours(
  scheme: SchemeName,
  breaks: readonly number[],
  domain: readonly [number, number] | null,
  reference: number | null,
  reversed = false,
): string[] {
  const k = breaks.length + 1;
  if (!isDiverging(scheme)) return sequentialColours(scheme, k);
  if (!domain) return sequentialColours('blues', k);
  const ref = reference ?? (domain[0] + domain[1]) / 2;
  return divergingColours(scheme, breaks, domain, ref, reversed);
}

/** −1: the class lies below the reference, 1: above, 0: it contains the reference. */
function sideOf(low: number, high: number, reference: number): -1 | 0 | 1 {
  if (high < reference) return -1;
  if (low > reference) return 1;
  if (high === reference) return low === reference ? 0 : -1;
  return low === reference ? 1 : 0;
}

function sample(anchors: readonly string[], t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (anchors.length - 1);
  const i = Math.min(anchors.length - 2, Math.floor(x));
  const f = x - i;
  const a = rgb(anchors[i]!);
  const b = rgb(anchors[i + 1]!);
  return hex(a.map((c, j) => c + (b[j]! - c) * f));
}

function rgb(colour: string): number[] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}

function hex(channels: number[]): string {
  return `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}
