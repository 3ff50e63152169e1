import { allIntegral } from './analyse-unknowns.ts';
import { runAttackerRounds } from './attacker-rounds.ts';
import type { DisclosureHierarchy } from './disclosure-hierarchy.ts';
import type { DisclosureWarning, SecondaryChoice, SuppressionTable } from './disclosure-types.ts';
import {
  buildEquationSystem,
  cellAt,
  cellLabel,
  emptyCellIndex,
  type EquationSystem,
} from './equation-system.ts';
import { runGroupPass } from './group-pass.ts';
import type { CountCell } from './primary-suppression.ts';
import { KIND_PRIMARY, KIND_UNKNOWN, SuppressionState } from './suppression-state.ts';

export interface CountProtection {
  /** Per input cell: null (not suppressed here), `primary` or `secondary`. */
  suppressed: ('primary' | 'secondary' | null)[];
  secondary: SecondaryChoice[];
  rounds: number;
  warnings: DisclosureWarning[];
}

/**
 * Primary and secondary suppression of one count table (one indicator and period, several levels)
 * along the hierarchies. `width` is the protection interval: no suppressed cell may be derivable, nor
 * pinned by an attacker to an interval narrower than `width` (the rule's minCount; 1 for "not exact").
 */
export function protectCounts(
  cells: readonly CountCell[],
  hierarchies: readonly DisclosureHierarchy[],
  width: number,
  table: SuppressionTable,
): CountProtection {
  const index = emptyCellIndex();
  const positions = cells.map((c) => cellAt(index, c.levelId, c.areaKey));
  const system = buildEquationSystem(index, hierarchies);
  const n = index.levelIds.length;
  const value = new Float64Array(n).fill(NaN);
  const protectedKind = new Uint8Array(n);
  cells.forEach((c, i) => {
    const cell = positions[i]!;
    if (c.value !== null) value[cell] = c.value;
    if (c.primary !== null) protectedKind[cell] = KIND_PRIMARY;
    // Missing in the data (not "-"): the engine cannot see whether it is small, so it keeps it from
    // being derived like a suppressed value. It stays missing in the output.
    else if (c.value === null) protectedKind[cell] = KIND_UNKNOWN;
  });
  const warnings = consistencyWarnings(system, value);
  const state = new SuppressionState(system, value, protectedKind);
  runGroupPass(state, width, 0);
  const known = value.filter((v) => !Number.isNaN(v));
  const { rounds, exposed } = runAttackerRounds(state, width, {
    nonNegative: known.every((v) => v >= 0),
    integral: allIntegral(value),
  });
  if (exposed.length > 0)
    warnings.push(
      warning(
        'unprotected',
        exposed.map((c) => cellLabel(index, c)),
        'suppressed cell(s) remain derivable or narrowly bounded: no cell left to suppress next to them',
      ),
    );
  const kinds = [null, 'primary', 'secondary', null] as const;
  return {
    suppressed: positions.map((cell) => kinds[state.kind[cell]!]!),
    secondary: state.secondary.map((s) => ({ ...s, table })),
    rounds,
    warnings,
  };
}

/** Groups whose children, all known, do not add up to the parent (complete) or exceed it (incomplete). */
function consistencyWarnings(system: EquationSystem, value: Float64Array): DisclosureWarning[] {
  const mismatch: string[] = [];
  const exceed: string[] = [];
  system.groups.forEach((g) => {
    let sum = 0;
    let known = true;
    for (const c of g.children) {
      if (Number.isNaN(value[c]!)) known = false;
      else sum += value[c]!;
    }
    const parent = value[g.parent]!;
    if (Number.isNaN(parent)) return;
    const label = `${cellLabel(system.cells, g.parent)} (${g.childLevelId}, ${g.hierarchyId})`;
    const tolerance = 1e-6 * Math.max(1, Math.abs(parent));
    if (g.complete && known && Math.abs(parent - sum) > tolerance) mismatch.push(label);
    if (!g.complete && sum > parent + tolerance) exceed.push(label);
  });
  const warnings: DisclosureWarning[] = [];
  if (mismatch.length > 0)
    warnings.push(
      warning(
        'hierarchy_mismatch',
        mismatch,
        'parent(s) differ from the sum of their children in a hierarchy declared complete; the equations an attacker uses are off there (declare the hierarchy incomplete if the data has an unassigned remainder)',
      ),
    );
  if (exceed.length > 0)
    warnings.push(
      warning('children_exceed_parent', exceed, 'parent(s) are smaller than the sum of their children'),
    );
  return warnings;
}

export function warning(
  code: DisclosureWarning['code'],
  items: readonly string[],
  message: string,
): DisclosureWarning {
  return { code, count: items.length, examples: items.slice(0, 20), message: `${items.length} ${message}` };
}
