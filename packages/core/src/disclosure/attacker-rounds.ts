import { analyseUnknowns } from './analyse-unknowns.ts';
import { derivationCombinations, type DerivationMethod } from './derive-exact.ts';
import type { DisclosureThreat } from './disclosure-types.ts';
import { cellLabel, compareText } from './equation-system.ts';
import { runGroupPass } from './group-pass.ts';
import type { BoundOptions } from './interval-bounds.ts';
import type { SuppressionState } from './suppression-state.ts';

const THREAT_OF: Record<DerivationMethod, DisclosureThreat> = {
  single_equation: 'single_unknown',
  linear_combination: 'linear_combination',
  bounds: 'bounds',
};

/** How far from an exposed cell the search for a complement goes (groups of unknown neighbours). */
const SEARCH_DEPTH = 4;

/**
 * Checks the group pass with the full attacker (exact linear algebra and interval bounds on what
 * would be published) and suppresses more wherever a suppressed cell is still exposed, then runs the
 * group pass again; until the attacker finds nothing. Every round suppresses at least one more cell,
 * so it ends. Returns the number of attacker checks and the cells left exposed (none unless no cell
 * near them could be suppressed any more).
 */
export function runAttackerRounds(
  state: SuppressionState,
  width: number,
  options: BoundOptions,
): { rounds: number; exposed: number[] } {
  for (let round = 1; ; round++) {
    const { exposed, published } = exposedCells(state, width, options);
    if (exposed.size === 0) return { rounds: round, exposed: [] };
    const combined = [...exposed]
      .filter(([, threat]) => threat === 'linear_combination')
      .map(([cell]) => cell);
    const combinations =
      combined.length > 0 ? derivationCombinations(state.system, published, combined) : new Map();
    // One complement per connected set of unknowns and round: one often protects several exposed cells.
    const component = unknownComponents(state);
    const done = new Set<number>();
    let added = 0;
    for (const [cell, threat] of exposed) {
      if (done.has(component[cell]!)) continue;
      const combination = combinations.get(cell);
      const choice =
        (combination && complementBreaking(state, combination, width)) ?? complementFor(state, cell, width);
      if (!choice) continue;
      done.add(component[cell]!);
      state.suppress(choice.cell, {
        protects: state.cellRef(cell),
        threat,
        group: state.groupRef(choice.group),
        round,
      });
      added++;
    }
    if (added === 0) return { rounds: round, exposed: [...exposed.keys()] };
    runGroupPass(state, width, round);
  }
}

/** For every cell, a representative of the set of unpublished cells linked to it through groups. */
function unknownComponents(state: SuppressionState): Int32Array {
  const root = Int32Array.from({ length: state.value.length }, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) {
      root[i] = root[root[i]!]!;
      i = root[i]!;
    }
    return i;
  };
  for (const g of state.system.groups) {
    let first = state.published[g.parent] ? -1 : find(g.parent);
    for (const c of g.children) {
      if (state.published[c]) continue;
      if (first === -1) first = find(c);
      else root[find(c)] = first;
    }
  }
  for (let i = 0; i < root.length; i++) root[i] = find(i);
  return root;
}

/** Suppressed cells the attacker derives exactly or pins to an interval narrower than `width`, by label. */
function exposedCells(
  state: SuppressionState,
  width: number,
  options: BoundOptions,
): { exposed: Map<number, DisclosureThreat>; published: Float64Array } {
  const { system } = state;
  const published = new Float64Array(state.value.length).fill(NaN);
  for (let cell = 0; cell < published.length; cell++)
    if (state.published[cell]) published[cell] = state.value[cell]!;
  const analysis = analyseUnknowns(system, published, options);
  const exposed: [number, DisclosureThreat][] = [];
  for (let cell = 0; cell < published.length; cell++) {
    if (!state.isProtected(cell)) continue;
    const derivation = analysis.derived.get(cell);
    if (derivation) exposed.push([cell, THREAT_OF[derivation.method]]);
    else if (analysis.hi[cell]! - analysis.lo[cell]! < width - 1e-9) exposed.push([cell, 'narrow_interval']);
  }
  exposed.sort(([a], [b]) => compareText(cellLabel(system.cells, a), cellLabel(system.cells, b)));
  return { exposed: new Map(exposed), published };
}

/**
 * A complement that breaks the combination of groups an attacker uses: a published cell whose weights
 * in those groups do not cancel out (the smallest that reaches `width`, otherwise the largest).
 */
function complementBreaking(
  state: SuppressionState,
  combination: Map<number, number>,
  width: number,
): { group: number; cell: number } | null {
  const { system } = state;
  const net = new Map<number, number>();
  const groupOf = new Map<number, number>();
  let scale = 0;
  for (const [gi, weight] of combination) {
    scale = Math.max(scale, Math.abs(weight));
    const g = system.groups[gi]!;
    const add = (cell: number, a: number) => {
      if (!state.published[cell]) return;
      net.set(cell, (net.get(cell) ?? 0) + a * weight);
      if (!groupOf.has(cell)) groupOf.set(cell, gi);
    };
    add(g.parent, 1);
    for (const c of g.children) add(c, -1);
  }
  const labels = system.cells;
  const candidates = [...net]
    .filter(([, w]) => Math.abs(w) > 1e-9 * scale)
    .map(([cell]) => cell)
    .sort(
      (a, b) => state.value[a]! - state.value[b]! || compareText(cellLabel(labels, a), cellLabel(labels, b)),
    );
  if (candidates.length === 0) return null;
  const cell = candidates.find((c) => state.value[c]! >= width) ?? candidates[candidates.length - 1]!;
  return { group: groupOf.get(cell)!, cell };
}

/**
 * A complement for an exposed cell: in one of its own groups if any has a cell left to suppress (the
 * group with the fewest unknowns first, then the smallest unknown sum), otherwise in the groups of the
 * unknown cells next to it, ring by ring.
 */
function complementFor(
  state: SuppressionState,
  cell: number,
  width: number,
): { group: number; cell: number } | null {
  const { system } = state;
  const seenGroups = new Set<number>();
  const seenCells = new Set<number>([cell]);
  let frontier = [...system.groupsOf[cell]!];
  for (let depth = 0; depth < SEARCH_DEPTH && frontier.length > 0; depth++) {
    for (const h of frontier) seenGroups.add(h);
    let best: { group: number; cell: number; score: [number, number, number] } | null = null;
    for (const h of [...frontier].sort((a, b) => a - b)) {
      const isChild = system.groups[h]!.parent !== cell;
      const sum = state.parentKnown(h) ? state.unknownChildSum(h) : Infinity;
      const need = isChild && Number.isFinite(sum) ? width - sum : width;
      const complement = state.chooseComplement(h, need, cell);
      if (complement === -1) continue;
      const score: [number, number, number] = [
        system.groups[h]!.complete ? 0 : 1,
        state.unknownCount[h]!,
        sum,
      ];
      if (!best || lexLess(score, best.score)) best = { group: h, cell: complement, score };
    }
    if (best) return { group: best.group, cell: best.cell };
    const next: number[] = [];
    for (const h of frontier) {
      const g = system.groups[h]!;
      for (const c of [g.parent, ...g.children]) {
        if (state.published[c] || seenCells.has(c)) continue;
        seenCells.add(c);
        for (const k of system.groupsOf[c]!) if (!seenGroups.has(k)) next.push(k);
      }
    }
    frontier = [...new Set(next)];
  }
  return null;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
