import { issue } from '@lagebild/core';
import type { ImportIssue, PlannedObservation } from '@lagebild/core';

/**
 * Collects observations and findings for one table. The same indicator, area and period twice in one
 * table is an error naming both rows (which value is right is for the planner to decide); the first
 * stays in the plan so the report can show it. `size` counts what each row produced, so rows that
 * produced nothing can be counted as skipped.
 */
export class ObservationCollector {
  readonly observations: PlannedObservation[] = [];
  readonly issues: ImportIssue[] = [];
  /** indicator → period → area key → index of the first observation; nested to avoid building keys. */
  private readonly seen = new Map<string, Map<string, Map<string, number>>>();
  private produced = 0;

  constructor(private readonly file: string) {}

  size(): number {
    return this.produced;
  }

  fail(finding: ImportIssue): void {
    this.issues.push(finding);
    this.produced++;
  }

  add(observation: PlannedObservation): void {
    this.produced++;
    const byArea = this.areasOf(observation.indicatorId, observation.period);
    const first = byArea.get(observation.areaKey);
    if (first !== undefined) {
      this.issues.push(this.duplicate(observation, this.observations[first]!));
      return;
    }
    byArea.set(observation.areaKey, this.observations.length);
    this.observations.push(observation);
  }

  private areasOf(indicatorId: string, period: string): Map<string, number> {
    let byPeriod = this.seen.get(indicatorId);
    if (!byPeriod) this.seen.set(indicatorId, (byPeriod = new Map()));
    let byArea = byPeriod.get(period);
    if (!byArea) byPeriod.set(period, (byArea = new Map()));
    return byArea;
  }

  private duplicate(o: PlannedObservation, first: PlannedObservation): ImportIssue {
    const what = `indicator ${o.indicatorId}, area ${o.areaKey}, period ${o.period}`;
    return issue({
      code: 'DuplicateRow',
      file: this.file,
      row: o.row,
      column: o.column,
      expected: `one value for ${what}`,
      found: `rows ${first.row} and ${o.row}`,
      message: `${this.file}: rows ${first.row} (column "${first.column}") and ${o.row} (column "${o.column}") both give ${what}`,
    });
  }
}
