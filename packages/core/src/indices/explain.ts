import type { IndexDefinition } from './definition.ts';

export interface Contribution {
  component: string;
  indicator: string;
  label: string | null;
  value: number | null;
  /** weight · direction-adjusted standardised value, in units of the combined score. */
  contribution: number;
  /** |contribution| / Σ |contributions|: how much of the score this component makes up. */
  share: number;
}

export interface Explanation {
  /** All components, largest absolute contribution first (ties: definition order). */
  contributions: Contribution[];
  /** The ids of the top components (definition.explainTop), each with the sign it pushes the score. */
  drivers: { component: string; effect: 'raises' | 'lowers' }[];
}

export function explain(
  definition: IndexDefinition,
  raw: Record<string, number | null>,
  parts: readonly number[],
): Explanation {
  const total = parts.reduce((sum, v) => sum + Math.abs(v), 0);
  const contributions = definition.components
    .map((c, i) => ({
      component: c.id,
      indicator: c.indicator,
      label: c.label,
      value: raw[c.id] ?? null,
      contribution: parts[i]!,
      share: total > 0 ? Math.abs(parts[i]!) / total : 0,
    }))
    .map((c, order) => ({ c, order }))
    .sort((a, b) => Math.abs(b.c.contribution) - Math.abs(a.c.contribution) || a.order - b.order)
    .map(({ c }) => c);
  const drivers = contributions
    .slice(0, definition.explainTop)
    .filter((c) => c.contribution !== 0)
    .map((c) => ({
      component: c.component,
      effect: c.contribution > 0 ? ('raises' as const) : ('lowers' as const),
    }));
  return { contributions, drivers };
}
