import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attackPublication,
  protectIndicator,
  validateDisclosureRule,
  type DisclosureHierarchy,
} from '../../src/disclosure/index.ts';
import type { FeatureCollection, Position } from '../../src/domain/geojson.ts';
import type { Observation } from '../../src/domain/observation.ts';
import { pointInPolygon } from '../../src/geo/point-in-polygon.ts';
import type { PolygonalGeometry } from '../../src/geo/merge.ts';
import { obs, prefixHierarchy } from './fixtures.ts';

/**
 * Real data: the 274 Berlin care homes (Pflegeeinrichtungen, EPSG:25833 points) counted per
 * Planungsraum (LOR until 2020) by point in polygon, and summed up along the LOR key structure
 * (Bezirk 2 + Prognoseraum 2 + Bezirksregion 2 + Planungsraum 2 digits): PLR → BZR → Bezirk → Berlin
 * and PLR → Prognoseraum → Bezirk. Most Planungsräume have 0, 1 or 2 homes: a hard case.
 */
const DATA = new URL('../../../../demo/data/', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, DATA), 'utf8')) as FeatureCollection;
const toWgs84 = proj4('+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs', 'WGS84');

let counts: Map<string, number>;
let outside: number;
let observations: Observation[];
let hierarchies: DisclosureHierarchy[];
const rule = validateDisclosureRule({ minCount: 3 });

beforeAll(() => {
  const plr = readJson('berlin-lor/berlin-lor-planning-areas-until-2020.geojson').features.map((f) => ({
    key: String(f.properties!.id),
    geometry: f.geometry as PolygonalGeometry,
    bbox: f.properties!.bounding_box as number[],
  }));
  counts = new Map(plr.map((p) => [p.key, 0]));
  outside = 0;
  for (const home of readJson('berlin-pflege/pflegeeinrichtungen.geojson').features) {
    const [x, y] = (home.geometry as { coordinates: Position }).coordinates as [number, number];
    const point = toWgs84.forward([x, y]) as Position;
    const area = plr.find(
      (p) =>
        point[0]! >= p.bbox[0]! &&
        point[0]! <= p.bbox[2]! &&
        point[1]! >= p.bbox[1]! &&
        point[1]! <= p.bbox[3]! &&
        pointInPolygon(point, p.geometry),
    );
    if (area) counts.set(area.key, counts.get(area.key)! + 1);
    else outside++;
  }
  const keys = [...counts.keys()].sort();
  hierarchies = [
    prefixHierarchy('plr-bzr-bezirk-berlin', ['plr', 'bzr', 'bezirk', 'berlin'], keys, [8, 6, 2], 'berlin'),
    prefixHierarchy('plr-pgr-bezirk', ['plr', 'pgr', 'bezirk'], keys, [8, 4, 2]),
  ];
  const totals = (length: number) => {
    const sums = new Map<string, number>();
    for (const [key, n] of counts) sums.set(key.slice(0, length), (sums.get(key.slice(0, length)) ?? 0) + n);
    return sums;
  };
  observations = [
    ...keys.map((k) => obs('plr', k, counts.get(k)!)),
    ...[...totals(6)].map(([k, n]) => obs('bzr', k, n)),
    ...[...totals(4)].map(([k, n]) => obs('pgr', k, n)),
    ...[...totals(2)].map(([k, n]) => obs('bezirk', k, n)),
    obs(
      'berlin',
      'berlin',
      [...counts.values()].reduce((a, b) => a + b, 0),
    ),
  ];
});

const protect = (hs: DisclosureHierarchy[]) =>
  protectIndicator({ indicator: { id: 'cases', aggregation: 'sum' }, rule, observations, hierarchies: hs });

describe('Berlin care homes per Planungsraum (real data, minCount 3)', () => {
  it('counts every care home into one of the 447 Planungsräume', () => {
    // 448 polygons: Schloßstraße (06010102) comes in two parts.
    expect(counts.size).toBe(447);
    expect(outside).toBe(0);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(274);
    const small = [...counts.values()].filter((n) => n === 1 || n === 2).length;
    expect(small).toBeGreaterThan(100);
    expect(observations).toHaveLength(447 + 138 + 60 + 12 + 1);
  });

  it('is broken open by the attacker when only small counts are suppressed', () => {
    const naive = protect([]);
    const attack = attackPublication({ observations: naive.observations, hierarchies, minWidth: 3 });
    expect(naive.report.byReason.min_count).toBeGreaterThan(100);
    expect(attack.recovered.length).toBeGreaterThan(10);
    // Every recovered value is the true count.
    const truth = new Map(observations.map((o) => [`${o.levelId} ${o.areaKey}`, o.value]));
    for (const cell of attack.recovered)
      expect(cell.value).toBe(truth.get(`${cell.levelId} ${cell.areaKey}`));
  });

  it('leaves nothing to recover and nothing pinned below 3 after secondary suppression', () => {
    const { observations: published, report } = protect(hierarchies);
    const attack = attackPublication({ observations: published, hierarchies, minWidth: 3 });
    expect(attack.recovered).toEqual([]);
    expect(attack.narrow).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.byReason.complement).toBeGreaterThan(0);
    // No published cell shows a small count, and Berlin's total stays published.
    expect(published.filter((o) => o.value !== null && o.value > 0 && o.value < 3)).toEqual([]);
    expect(published.find((o) => o.levelId === 'berlin')!.value).toBe(274);
    expect(report.published + report.suppressed).toBe(observations.length);
  });

  it('protects both hierarchies at once, not one after the other', () => {
    const bzrOnly = protect([hierarchies[0]!]);
    const attack = attackPublication({ observations: bzrOnly.observations, hierarchies, minWidth: 3 });
    // Protecting PLR → BZR → Bezirk alone leaves the Prognoseraum equations open.
    expect(attack.recovered.length + attack.narrow.length).toBeGreaterThan(0);
  });
});
