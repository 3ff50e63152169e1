import type { Polarity } from '../../../../packages/core/src/domain/indicator.ts';
import type { ProfileDistribution, ProfileOutcome, ProfilePoint } from './profile-types.ts';
import { sparkline, spineParts, spinePosition } from './spine-geometry.ts';

/**
 * The outcome of the comparison as a marker: colour and shape both differ (circle, square,
 * diamond, triangles, hollow circle), so it never relies on colour alone; the text is beside it.
 */
export const OUTCOME_STYLE: Record<ProfileOutcome, { fill: string; shape: Shape }> = {
  better: { fill: '#2da44e', shape: 'circle' },
  similar: { fill: '#f2c94c', shape: 'square' },
  worse: { fill: '#cf222e', shape: 'diamond' },
  higher: { fill: '#4a90e2', shape: 'up' },
  lower: { fill: '#a371f7', shape: 'down' },
  not_compared: { fill: '#ffffff', shape: 'circle' },
};
type Shape = 'circle' | 'square' | 'diamond' | 'up' | 'down';

const INK = '#1f2328';
const PARENT = '#c64600';
const AREA_LINE = '#1a5fb4';

export function MarkerShape({
  outcome,
  x,
  y,
  size = 6,
}: {
  outcome: ProfileOutcome;
  x: number;
  y: number;
  size?: number;
}) {
  const { fill, shape } = OUTCOME_STYLE[outcome];
  const common = { fill, stroke: INK, 'stroke-width': 1.2 };
  const s = size;
  switch (shape) {
    case 'square':
      return <rect x={x - s * 0.85} y={y - s * 0.85} width={s * 1.7} height={s * 1.7} {...common} />;
    case 'diamond':
      return (
        <path
          d={`M${x} ${y - s * 1.15}L${x + s * 1.15} ${y}L${x} ${y + s * 1.15}L${x - s * 1.15} ${y}Z`}
          {...common}
        />
      );
    case 'up':
      return <path d={`M${x} ${y - s}L${x + s} ${y + s * 0.8}L${x - s} ${y + s * 0.8}Z`} {...common} />;
    case 'down':
      return <path d={`M${x} ${y + s}L${x + s} ${y - s * 0.8}L${x - s} ${y - s * 0.8}Z`} {...common} />;
    default:
      return <circle cx={x} cy={y} r={s} {...common} />;
  }
}

/** A marker alone, for the comparison column and the legend (decorative: the text says it). */
export function OutcomeMarker({ outcome }: { outcome: ProfileOutcome }) {
  return (
    <svg
      class="outcome-marker"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <MarkerShape outcome={outcome} x={8} y={8} size={5.5} />
    </svg>
  );
}

const SPINE = { width: 168, height: 22, pad: 8 };

/**
 * One spine chart row: the range of all areas, the middle half, the median, the parent's value and
 * the area's marker. `label` is its text alternative (every figure it draws). A parent value outside
 * the range (a Land's count beside its Kreise) is not drawn: pinned to the end it would mislead.
 */
export function SpineSvg({
  range,
  polarity,
  value,
  parentValue,
  outcome,
  label,
}: {
  range: ProfileDistribution;
  polarity: Polarity;
  value: number | null;
  parentValue: number | null;
  outcome: ProfileOutcome;
  label: string;
}) {
  const { width, height, pad } = SPINE;
  const x = (position: number) => pad + position * (width - 2 * pad);
  const parts = spineParts(range, polarity);
  const mid = height / 2;
  return (
    <svg
      class="spine"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <rect x={x(0)} y={mid - 4} width={x(1) - x(0)} height={8} fill="#d8dee4" />
      <rect
        x={x(parts.bandFrom)}
        y={mid - 4}
        width={Math.max(1, x(parts.bandTo) - x(parts.bandFrom))}
        height={8}
        fill="#8c959f"
      />
      <line x1={x(parts.median)} x2={x(parts.median)} y1={2} y2={height - 2} stroke={INK} stroke-width={2} />
      {parentValue !== null && parentValue >= range.min && parentValue <= range.max && (
        <line
          class="spine-parent"
          x1={x(spinePosition(parentValue, range, polarity))}
          x2={x(spinePosition(parentValue, range, polarity))}
          y1={0}
          y2={height}
          stroke={PARENT}
          stroke-width={2}
          stroke-dasharray="3 2"
        />
      )}
      {value !== null && (
        <MarkerShape outcome={outcome} x={x(spinePosition(value, range, polarity))} y={mid} />
      )}
    </svg>
  );
}

const SPARK = { width: 96, height: 26, pad: 3 };

/** The area's series (solid) and its parent's (dashed) on one scale; `label` is the text alternative. */
export function SparklineSvg({
  area,
  parent,
  label,
}: {
  area: readonly ProfilePoint[];
  parent: readonly ProfilePoint[];
  label: string;
}) {
  const { paths, ends } = sparkline([parent, area], SPARK);
  const end = ends[1];
  return (
    <svg
      class="sparkline"
      width={SPARK.width}
      height={SPARK.height}
      viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
      role="img"
      aria-label={label}
    >
      {paths[0] && (
        <path d={paths[0]} fill="none" stroke={PARENT} stroke-width={1.5} stroke-dasharray="3 2" />
      )}
      {paths[1] && <path d={paths[1]} fill="none" stroke={AREA_LINE} stroke-width={2} />}
      {end && <circle cx={end.x} cy={end.y} r={2.5} fill={AREA_LINE} />}
    </svg>
  );
}

/** Small legend swatches, drawn like the chart parts they explain. */
export function LegendSwatch({
  part,
}: {
  part: 'range' | 'band' | 'median' | 'parent' | 'areaLine' | 'parentLine';
}) {
  return (
    <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      {part === 'range' && <rect x={1} y={3} width={26} height={8} fill="#d8dee4" />}
      {part === 'band' && <rect x={1} y={3} width={26} height={8} fill="#8c959f" />}
      {part === 'median' && <line x1={14} x2={14} y1={0} y2={14} stroke={INK} stroke-width={2} />}
      {part === 'parent' && (
        <line x1={14} x2={14} y1={0} y2={14} stroke={PARENT} stroke-width={2} stroke-dasharray="3 2" />
      )}
      {part === 'areaLine' && <line x1={1} x2={27} y1={7} y2={7} stroke={AREA_LINE} stroke-width={2} />}
      {part === 'parentLine' && (
        <line x1={1} x2={27} y1={7} y2={7} stroke={PARENT} stroke-width={1.5} stroke-dasharray="3 2" />
      )}
    </svg>
  );
}
