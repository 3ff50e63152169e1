import type { Polarity } from '../../../../packages/core/src/domain/indicator.ts';
import type { ProfileDistribution, ProfilePoint } from './profile-types.ts';

/**
 * Where a value sits on a spine chart row, from 0 (left) to 1 (right), as Fingertips draws its
 * spine charts: the centre line is the median, the left end the worst value (the lowest for neutral
 * indicators), the right end the best (highest), and each half is scaled on its own. So "further
 * right is better" holds on every judged row, and one outlier (Berlin among the Kreise) does not
 * squeeze every other area into a corner.
 */
export function spinePosition(value: number, range: ProfileDistribution, polarity: Polarity): number {
  const rising = halfScaled(value, range);
  return polarity === 'higher_is_worse' ? 1 - rising : rising;
}

/** 0 at the minimum, ½ at the median, 1 at the maximum; linear within each half, clamped. */
function halfScaled(value: number, { min, median, max }: ProfileDistribution): number {
  if (value <= median) {
    const span = median - min;
    return span > 0 ? 0.5 * Math.max(0, (value - min) / span) : 0.5;
  }
  const span = max - median;
  return span > 0 ? 0.5 + 0.5 * Math.min(1, (value - median) / span) : 0.5;
}

/** The range bar, the 25–75 % band and the median line of one row, in [0, 1]. */
export function spineParts(
  range: ProfileDistribution,
  polarity: Polarity,
): { bandFrom: number; bandTo: number; median: number } {
  const a = spinePosition(range.p25, range, polarity);
  const b = spinePosition(range.p75, range, polarity);
  return {
    bandFrom: Math.min(a, b),
    bandTo: Math.max(a, b),
    median: spinePosition(range.median, range, polarity),
  };
}

export interface SparkBox {
  width: number;
  height: number;
  /** Room left around the line for the end marker. */
  pad: number;
}

export interface Sparkline {
  /** One SVG path per line (`M … L …`, a new `M` after a gap); empty when the line has no value. */
  paths: string[];
  /** The last point with a value of each line, or null. */
  ends: ({ x: number; y: number } | null)[];
}

/**
 * Small multiples of the area's and its parent's series: the periods of both on one axis, evenly
 * spaced in time order; one value scale for both lines, so their levels can be compared. Missing
 * values break a line rather than being bridged.
 */
export function sparkline(lines: readonly (readonly ProfilePoint[])[], box: SparkBox): Sparkline {
  const periods = [...new Set(lines.flatMap((line) => line.map((p) => p.period)))].sort();
  const values = lines.flatMap((line) => line.map((p) => p.value)).filter((v): v is number => v !== null);
  if (values.length === 0) return { paths: lines.map(() => ''), ends: lines.map(() => null) };
  const low = Math.min(...values);
  const high = Math.max(...values);
  const x = (period: string) =>
    periods.length === 1
      ? box.width / 2
      : box.pad + (periods.indexOf(period) / (periods.length - 1)) * (box.width - 2 * box.pad);
  const y = (value: number) =>
    high === low ? box.height / 2 : box.pad + ((high - value) / (high - low)) * (box.height - 2 * box.pad);
  const paths = lines.map((line) => {
    let path = '';
    let open = false;
    for (const point of line) {
      if (point.value === null) {
        open = false;
        continue;
      }
      path += `${open ? 'L' : 'M'}${round(x(point.period))} ${round(y(point.value))}`;
      open = true;
    }
    return path;
  });
  const ends = lines.map((line) => {
    const last = [...line].reverse().find((p) => p.value !== null);
    return last ? { x: round(x(last.period)), y: round(y(last.value!)) } : null;
  });
  return { paths, ends };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
