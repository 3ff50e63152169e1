import type { ComplementNeed, SuppressionState } from './suppression-state.ts';

/**
 * Secondary suppression, group by group, to a fixed point across all levels and hierarchies: a group
 * whose only unknown cell is a suppressed one (parent minus published siblings), or whose suppressed
 * children an attacker can pin below `width` (parent minus published siblings is small), gets one more
 * suppressed cell; every suppression re-queues the groups of the suppressed cell, in every hierarchy.
 * Linear time in the size of the groups touched. What it cannot see (combinations of several
 * equations, or a group with nothing left to suppress) the attacker rounds catch afterwards.
 */
export function runGroupPass(state: SuppressionState, width: number, round: number): void {
  const groups = state.system.groups.length;
  const queued = new Uint8Array(groups);
  let queue: number[] = Array.from({ length: groups }, (_, gi) => gi);
  queued.fill(1);
  while (queue.length > 0) {
    const next: number[] = [];
    for (const gi of queue) {
      queued[gi] = 0;
      const need = threatIn(state, gi, width, next, queued);
      if (need === null) continue;
      const complement = state.chooseComplement(gi, need.need, need.target);
      if (complement === -1) continue;
      const touched = state.suppress(complement, {
        protects: state.cellRef(need.target),
        threat: need.threat,
        group: state.groupRef(gi),
        round,
      });
      enqueue(touched, next, queued);
    }
    queue = next;
  }
}

function enqueue(groups: readonly number[], queue: number[], queued: Uint8Array): void {
  for (const h of groups)
    if (!queued[h]) {
      queued[h] = 1;
      queue.push(h);
    }
}

/** The threat in group gi, if any, and how large a complement has to be to remove it. */
function threatIn(
  state: SuppressionState,
  gi: number,
  width: number,
  queue: number[],
  queued: Uint8Array,
): ComplementNeed | null {
  const g = state.system.groups[gi]!;
  if (g.complete && state.unknownCount[gi] === 1) {
    const cell = state.onlyUnknown(gi);
    const isParent = cell === g.parent;
    if (!state.isProtected(cell)) {
      // Absent from the data (a level that is not published): an attacker derives it and uses it elsewhere.
      state.markDerived(cell, isParent ? state.knownChildSum[gi]! : state.unknownChildSum(gi));
      enqueue(state.system.groupsOf[cell]!, queue, queued);
      return null;
    }
    const need = isParent ? width : width - state.unknownChildSum(gi);
    return { target: cell, threat: 'single_unknown', need };
  }
  if (state.protectedChildren[gi]! > 0 && state.parentKnown(gi)) {
    const sum = state.unknownChildSum(gi);
    if (sum < width - 1e-9)
      return { target: firstProtectedChild(state, gi), threat: 'narrow_interval', need: width - sum };
  }
  return null;
}

function firstProtectedChild(state: SuppressionState, gi: number): number {
  for (const c of state.system.groups[gi]!.children)
    if (state.isProtected(c) && !state.published[c]) return c;
  return -1;
}
