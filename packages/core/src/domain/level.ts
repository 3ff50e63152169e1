/** Spatial levels (Raumebenen). Levels may nest (parentLevelId) or overlap (correspondences). */
export const LEVEL_KINDS = ['administrative', 'statistical', 'planning'] as const;
export type LevelKind = (typeof LEVEL_KINDS)[number];

export interface SpatialLevel {
  /** Stable slug used in URLs and mapping files, e.g. `kreis`, `berlin-plr`. */
  id: string;
  name: string;
  nameEn: string | null;
  kind: LevelKind;
  /** The level this one nests in (Gemeinde → Kreis); null for the top or for non-nesting levels. */
  parentLevelId: string | null;
  /** Orders levels from coarse to fine in lists and level switches. */
  sortOrder: number;
  description: string | null;
}
