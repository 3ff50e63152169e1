import type { AreaCollection } from '../api/types.ts';
import { labelPoint } from '../lib/label-point.ts';
import { portalApi } from './portal-api.ts';

/** A place to search around: a district (Bezirk) or one of its regions, with its centre point. */
export interface Place {
  /** `level:areaKey`, as kept in the URL. */
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export interface PlaceGroup {
  district: Place;
  regions: Place[];
}

export interface Places {
  groups: PlaceGroup[];
  byId: Map<string, Place>;
  /** District outlines, drawn under the results for orientation. */
  outlines: AreaCollection;
}

function toPlaces(level: string, areas: AreaCollection): Place[] {
  const places: Place[] = [];
  for (const feature of areas.features) {
    // The centre point lies inside the area (also for crescent shapes), so "around" means "in it".
    const point = labelPoint(feature.geometry);
    if (!point) continue;
    places.push({
      id: `${level}:${feature.properties.key}`,
      name: feature.properties.name ?? feature.properties.key,
      lon: point.at[0],
      lat: point.at[1],
    });
  }
  return places.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/**
 * The places come from the spatial levels below the county: the first such level (the Berlin Bezirke)
 * and the level nested in it (the LOR Bezirksregionen), so a county with its own planning areas gets
 * its own places without configuration.
 */
export async function loadPlaces(): Promise<Places | null> {
  const { levels } = await portalApi.levels();
  // Below the county with a level nested in it: the Gemeinden (no nested level) are not places here.
  const outer = levels.find(
    (l) => l.parentLevelId === 'kreis' && l.areaCount > 1 && levels.some((c) => c.parentLevelId === l.id),
  );
  if (!outer) return null;
  const inner = levels.find((l) => l.parentLevelId === outer.id);
  const [outerAreas, innerAreas] = await Promise.all([
    portalApi.areas(outer.id),
    inner ? portalApi.areas(inner.id) : Promise.resolve(null),
  ]);
  const districts = toPlaces(outer.id, outerAreas);
  const parentOf = new Map(
    (innerAreas?.features ?? []).map((f) => [`${inner!.id}:${f.properties.key}`, f.properties.parentKey]),
  );
  const regions = inner && innerAreas ? toPlaces(inner.id, innerAreas) : [];
  const groups = districts.map((district) => ({
    district,
    regions: regions.filter((r) => `${outer.id}:${parentOf.get(r.id)}` === district.id),
  }));
  const byId = new Map([...districts, ...regions].map((p) => [p.id, p]));
  return { groups, byId, outlines: outerAreas };
}
