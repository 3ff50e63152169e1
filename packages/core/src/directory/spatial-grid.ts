/**
 * A uniform grid over lon/lat (cells of 0.01°, about 1.1 × 0.7 km in Germany) listing the entries in
 * each cell, so a radius or area search visits the entries near the point instead of all of them.
 */
export class SpatialGrid {
  readonly #cells = new Map<number, number[]>();

  constructor(
    points: readonly { lon: number; lat: number }[],
    private readonly cellDegrees = 0.01,
  ) {
    points.forEach((p, i) => {
      if (Number.isNaN(p.lon) || Number.isNaN(p.lat)) return;
      const key = this.#key(this.#cell(p.lon), this.#cell(p.lat));
      let list = this.#cells.get(key);
      if (!list) this.#cells.set(key, (list = []));
      list.push(i);
    });
  }

  /**
   * The entries in the cells overlapping the box [minLon, minLat, maxLon, maxLat] (a superset of
   * those inside it); null when the box covers more cells than the grid holds (scanning is cheaper).
   */
  candidates(box: readonly [number, number, number, number]): number[] | null {
    const [x0, y0, x1, y1] = [this.#cell(box[0]), this.#cell(box[1]), this.#cell(box[2]), this.#cell(box[3])];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.#cells.size) return null;
    const found: number[] = [];
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const list = this.#cells.get(this.#key(x, y));
        if (list) for (const i of list) found.push(i);
      }
    }
    return found;
  }

  #cell(degrees: number): number {
    return Math.floor(degrees / this.cellDegrees);
  }

  #key(x: number, y: number): number {
    // Unique for |x|, |y| < 2^20 cells, i.e. any cell size above 0.0004°.
    return (y + 0x100000) * 0x200000 + (x + 0x100000);
  }
}
