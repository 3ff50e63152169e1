import type { Area } from '../domain/area.ts';
import { isPolygonal, mergePolygons } from '../geo/merge.ts';

/** One area as a source lists it at a territorial status (e.g. a VG250 attribute table). */
export interface ListedArea {
  key: string;
  name: string;
  parentKey: string | null;
  /** When the area's current status took effect (VG250: WSK); null: the status date. */
  effectiveFrom: string | null;
}

/** What the source does not say: which earlier areas an area was formed from or absorbed. */
export interface DeclaredChange {
  key: string;
  predecessors: string[];
}

export interface TerritorialChanges {
  /** New areas and new versions of areas that absorbed others. */
  added: Area[];
  /** Current versions that end: same identity, `validTo` set. */
  ended: Area[];
  /** Listed areas that are already current and unchanged. */
  unchanged: number;
  warnings: string[];
}

/**
 * Compares the areas a level has now with a complete list of the level at a later status and derives
 * the territorial versions: areas that are new get a version from their effective date, with the
 * merged geometry of their declared predecessors; areas that absorbed others get a new version;
 * areas missing from the list end on the date their successor begins (or the status date).
 * Pure: the caller reads the current areas and writes the result as one batch.
 */
export function territorialChanges(
  current: readonly Area[],
  listed: readonly ListedArea[],
  statusDate: string,
  declared: readonly DeclaredChange[],
): TerritorialChanges {
  const byKey = new Map(current.map((a) => [a.key, a]));
  const listedKeys = new Set(listed.map((l) => l.key));
  const predecessorsOf = new Map(declared.map((d) => [d.key, d.predecessors]));
  const endOf = new Map<string, string>();
  const added: Area[] = [];
  const warnings: string[] = [];
  let unchanged = 0;

  for (const entry of listed) {
    const existing = byKey.get(entry.key);
    const predecessors = predecessorsOf.get(entry.key) ?? [];
    if (existing && predecessors.length === 0) {
      unchanged++;
      continue;
    }
    const from = effectiveDate(entry, existing, statusDate, warnings);
    const sources = [
      ...(existing ? [existing] : []),
      ...predecessors.map((k) => byKey.get(k)).filter((a): a is Area => !!a),
    ];
    for (const key of predecessors)
      if (!byKey.has(key)) warnings.push(`${entry.key}: predecessor ${key} is not a current area`);
    // A predecessor that is still listed only gave up part of its territory: it goes on.
    for (const source of sources) {
      if (source.key === entry.key || !listedKeys.has(source.key))
        endOf.set(source.key, earliest(endOf.get(source.key), from));
    }
    added.push(newVersion(entry, existing, predecessors, sources, from));
  }
  for (const area of current) {
    if (!listedKeys.has(area.key) && !endOf.has(area.key)) endOf.set(area.key, statusDate);
  }
  const ended = current.filter((a) => endOf.has(a.key)).map((a) => ({ ...a, validTo: endOf.get(a.key)! }));
  return { added, ended, unchanged, warnings };
}

function newVersion(
  entry: ListedArea,
  existing: Area | undefined,
  predecessors: string[],
  sources: Area[],
  from: string,
): Area {
  const polygons = sources.map((a) => a.geometry).filter(isPolygonal);
  return {
    levelId: existing?.levelId ?? sources[0]?.levelId ?? '',
    key: entry.key,
    name: entry.name,
    parentKey: entry.parentKey,
    validFrom: from,
    validTo: null,
    predecessors: predecessors.filter((k) => k !== entry.key),
    sourceCrs: sources[0]?.sourceCrs ?? null,
    geometry: polygons.length > 0 ? mergePolygons(polygons) : null,
    attributes: existing?.attributes ?? {},
  };
}

/** A new version must begin after the version it replaces began, or the old one would end before it started. */
function effectiveDate(
  entry: ListedArea,
  existing: Area | undefined,
  statusDate: string,
  warnings: string[],
): string {
  const from = entry.effectiveFrom ?? statusDate;
  if (existing?.validFrom && from <= existing.validFrom) {
    warnings.push(
      `${entry.key}: effective date ${from} is not after the current version (${existing.validFrom}); using ${statusDate}`,
    );
    return statusDate;
  }
  return from;
}

function earliest(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}
