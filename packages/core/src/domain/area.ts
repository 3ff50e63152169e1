import type { Geometry } from './geojson.ts';

/**
 * One area (Gebietseinheit) of a level in one territorial version. The same key may occur in several
 * versions with disjoint validity periods; `validFrom`/`validTo` are ISO dates, validTo exclusive,
 * null meaning open-ended.
 */
export interface Area {
  levelId: string;
  /** AGS/ARS or a local key; always a string, leading zeros kept. */
  key: string;
  name: string;
  /** Key of the containing area on the level's parent level, where levels nest. */
  parentKey: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Keys (same level) of the areas this one was formed from. */
  predecessors: string[];
  /** CRS of the source geometry, e.g. `EPSG:31467`; geometry itself is always WGS84. */
  sourceCrs: string | null;
  geometry: Geometry | null;
  /** Further source attributes (area type, NUTS code, …) kept for reference. */
  attributes: Record<string, string | number | null>;
}

/** A weighted link between areas of non-nesting levels or territorial versions. */
export interface Correspondence {
  fromLevelId: string;
  fromKey: string;
  toLevelId: string;
  toKey: string;
  /** Share of the `from` area that belongs to the `to` area (0..1). */
  weight: number;
  /** What the weight is based on, e.g. `population`, `area`. */
  basis: string;
}
