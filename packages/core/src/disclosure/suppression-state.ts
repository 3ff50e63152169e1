import { compareText, type EquationSystem } from './equation-system.ts';
import type { DisclosureThreat, SecondaryChoice } from './disclosure-types.ts';

/** Kinds of protected cells: suppressed primarily or as a complement, or missing in the data. */
export const KIND_PRIMARY = 1;
export const KIND_SECONDARY = 2;
export const KIND_UNKNOWN = 3;

/**
 * What the engine knows while it suppresses one count table: the true values, which cells are
 * published, which are protected (suppressed, so they must stay unrecoverable), and per group what an
 * attacker sees: how many cells are unknown and the sum of the known children. Cells that are unknown
 * but not protected (absent or missing in the data) count as known once an attacker can derive them.
 */
export class SuppressionState {
  readonly system: EquationSystem;
  /** The engine's values; NaN where the engine does not know the value either. */
  readonly value: Float64Array;
  readonly published: Uint8Array;
  /** Protected cells, which must not be recoverable: KIND_PRIMARY, KIND_SECONDARY or KIND_UNKNOWN. */
  readonly kind: Uint8Array;
  /** What the attacker knows in the group pass: published values, and values derived from them. */
  readonly seen: Float64Array;
  readonly unknownCount: Int32Array;
  readonly protectedChildren: Int32Array;
  readonly knownChildSum: Float64Array;
  readonly secondary: SecondaryChoice[] = [];
  private readonly candidates: (Int32Array | undefined)[];

  constructor(system: EquationSystem, value: Float64Array, protectedKind: Uint8Array) {
    const n = value.length;
    const groups = system.groups.length;
    this.system = system;
    this.value = value;
    this.kind = Uint8Array.from(protectedKind);
    this.published = new Uint8Array(n);
    this.seen = new Float64Array(n).fill(NaN);
    for (let cell = 0; cell < n; cell++)
      if (!this.kind[cell] && !Number.isNaN(value[cell]!)) {
        this.published[cell] = 1;
        this.seen[cell] = value[cell]!;
      }
    this.unknownCount = new Int32Array(groups);
    this.protectedChildren = new Int32Array(groups);
    this.knownChildSum = new Float64Array(groups);
    this.candidates = new Array<Int32Array | undefined>(groups);
    system.groups.forEach((g, gi) => {
      if (Number.isNaN(this.seen[g.parent]!)) this.unknownCount[gi]!++;
      for (const c of g.children) {
        if (Number.isNaN(this.seen[c]!)) {
          this.unknownCount[gi]!++;
          if (this.kind[c]) this.protectedChildren[gi]!++;
        } else this.knownChildSum[gi]! += this.seen[c]!;
      }
    });
  }

  isProtected(cell: number): boolean {
    return this.kind[cell] !== 0;
  }

  parentKnown(gi: number): boolean {
    return !Number.isNaN(this.seen[this.system.groups[gi]!.parent]!);
  }

  /** What an attacker knows the unknown children of a group add up to (parent − known children). */
  unknownChildSum(gi: number): number {
    return this.seen[this.system.groups[gi]!.parent]! - this.knownChildSum[gi]!;
  }

  onlyUnknown(gi: number): number {
    const g = this.system.groups[gi]!;
    if (Number.isNaN(this.seen[g.parent]!)) return g.parent;
    for (const c of g.children) if (Number.isNaN(this.seen[c]!)) return c;
    return -1;
  }

  /** An unprotected unknown cell that an attacker can derive: from now on it counts as known. */
  markDerived(cell: number, value: number): void {
    this.seen[cell] = value;
    for (const h of this.system.groupsOf[cell]!) {
      this.unknownCount[h]!--;
      if (this.system.groups[h]!.parent !== cell) this.knownChildSum[h]! += value;
    }
  }

  /** Suppresses a published cell as a complement; returns the groups whose state changed. */
  suppress(cell: number, choice: Omit<SecondaryChoice, 'levelId' | 'areaKey' | 'value' | 'table'>): number[] {
    const value = this.seen[cell]!;
    this.kind[cell] = KIND_SECONDARY;
    this.published[cell] = 0;
    this.seen[cell] = NaN;
    const { levelIds, areaKeys } = this.system.cells;
    this.secondary.push({
      levelId: levelIds[cell]!,
      areaKey: areaKeys[cell]!,
      table: 'value',
      value,
      ...choice,
    });
    for (const h of this.system.groupsOf[cell]!) {
      this.unknownCount[h]!++;
      if (this.system.groups[h]!.parent !== cell) {
        this.knownChildSum[h]! -= value;
        this.protectedChildren[h]!++;
      }
    }
    return this.system.groupsOf[cell]!;
  }

  /**
   * The complement for group gi that protects `target`: among the published children whose value
   * reaches `need`, the one that shares the most groups with the target (one complement then covers
   * the target in several hierarchies at once), then the smallest, then by area key. Failing that the
   * parent when even all published children together stay below `need`, otherwise the largest
   * published child; the parent when no child is left. -1: nothing left to suppress.
   */
  chooseComplement(gi: number, need: number, target = -1): number {
    const g = this.system.groups[gi]!;
    let best = -1;
    let bestShared = -1;
    let largest = -1;
    let sum = 0;
    for (const c of this.sortedCandidates(gi)) {
      if (!this.published[c]) continue;
      if (this.value[c]! >= need - 1e-9) {
        // Candidates come smallest first: only more shared groups displace an earlier one.
        const shared = target === -1 ? 0 : this.sharedGroups(c, target);
        if (shared > bestShared) {
          best = c;
          bestShared = shared;
        }
        if (target === -1) break;
        continue;
      }
      largest = c;
      sum += this.value[c]!;
    }
    if (best !== -1) return best;
    const parentFree = this.published[g.parent] === 1;
    if (parentFree && (largest === -1 || sum < need - 1e-9)) return g.parent;
    return largest;
  }

  private sharedGroups(a: number, b: number): number {
    const of = this.system.groupsOf;
    let shared = 0;
    for (const h of of[a]!) if (of[b]!.includes(h)) shared++;
    return shared;
  }

  /** The group's children that were published at the start, by value and then by area key. */
  private sortedCandidates(gi: number): Int32Array {
    let list = this.candidates[gi];
    if (list === undefined) {
      const keys = this.system.cells.areaKeys;
      list = this.system.groups[gi]!.children.filter((c) => this.published[c] === 1);
      list.sort((a, b) => this.value[a]! - this.value[b]! || compareText(keys[a]!, keys[b]!));
      this.candidates[gi] = list;
    }
    return list;
  }

  groupRef(gi: number): SecondaryChoice['group'] {
    const g = this.system.groups[gi]!;
    const parentKey = this.system.cells.areaKeys[g.parent]!;
    return {
      hierarchyId: g.hierarchyId,
      parentLevelId: g.parentLevelId,
      parentKey,
      childLevelId: g.childLevelId,
    };
  }

  cellRef(cell: number): { levelId: string; areaKey: string } {
    return { levelId: this.system.cells.levelIds[cell]!, areaKey: this.system.cells.areaKeys[cell]! };
  }
}

export interface ComplementNeed {
  target: number;
  threat: DisclosureThreat;
  need: number;
}
