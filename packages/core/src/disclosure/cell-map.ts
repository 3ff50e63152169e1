/**
 * A map keyed by level id and area key. Two nested maps instead of one map on a joined string: the
 * engine looks cells up hundreds of thousands of times, and a new joined string per lookup costs more
 * than the lookup itself.
 */
export class CellMap<T> {
  private readonly levels = new Map<string, Map<string, T>>();

  get(levelId: string, areaKey: string): T | undefined {
    return this.levels.get(levelId)?.get(areaKey);
  }

  has(levelId: string, areaKey: string): boolean {
    return this.levels.get(levelId)?.has(areaKey) ?? false;
  }

  set(levelId: string, areaKey: string, value: T): void {
    let areas = this.levels.get(levelId);
    if (!areas) this.levels.set(levelId, (areas = new Map()));
    areas.set(areaKey, value);
  }
}
