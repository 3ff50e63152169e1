import type { Area, Geometry, IndicatorInput, Observation, SpatialLevel } from '@lagebild/core';
import type { BatchInput } from '../src/store.ts';

/** A batch with nothing in it but what `parts` gives. */
export function batch(parts: Partial<BatchInput> = {}): BatchInput {
  return {
    file: 'test.csv',
    format: 'csv',
    mapping: { columns: { key: 'AGS' } },
    levels: [],
    areas: [],
    correspondences: [],
    indicators: [],
    observations: [],
    ...parts,
  };
}

export const KREIS: SpatialLevel = {
  id: 'kreis',
  name: 'Kreis',
  nameEn: 'District',
  kind: 'administrative',
  parentLevelId: null,
  sortOrder: 0,
  description: null,
};

export const GEMEINDE: SpatialLevel = {
  id: 'gemeinde',
  name: 'Gemeinde',
  nameEn: 'Municipality',
  kind: 'administrative',
  parentLevelId: 'kreis',
  sortOrder: 1,
  description: 'Gemeinden des Kreises',
};

export const SOZIALRAUM: SpatialLevel = {
  id: 'sozialraum',
  name: 'Sozialraum',
  nameEn: null,
  kind: 'planning',
  parentLevelId: null,
  sortOrder: 2,
  description: null,
};

export const LEVELS = [SOZIALRAUM, KREIS, GEMEINDE];

export function square(lon: number, lat: number, size = 0.1): Geometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

export function area(fields: Partial<Area> & Pick<Area, 'levelId' | 'key'>): Area {
  return {
    name: `Gebiet ${fields.key}`,
    parentKey: null,
    validFrom: null,
    validTo: null,
    predecessors: [],
    sourceCrs: null,
    geometry: null,
    attributes: {},
    ...fields,
  };
}

/** Gemeinde 001 was redrawn on 2020-01-01; 002 is unchanged; 003 was formed from 004 and 005. */
export const AREAS: Area[] = [
  area({
    levelId: 'kreis',
    key: '01001',
    name: 'Kreis Nord',
    geometry: square(9, 54, 1),
    sourceCrs: 'EPSG:25832',
  }),
  area({
    levelId: 'gemeinde',
    key: '01001001',
    name: 'Altdorf',
    parentKey: '01001',
    validTo: '2020-01-01',
    geometry: square(9.1, 54.1),
    attributes: { typ: 'Stadt', einwohner: 1200, nuts: null },
  }),
  area({
    levelId: 'gemeinde',
    key: '01001001',
    name: 'Altdorf (neu)',
    parentKey: '01001',
    validFrom: '2020-01-01',
    geometry: square(9.1, 54.1, 0.2),
  }),
  area({
    levelId: 'gemeinde',
    key: '01001002',
    name: 'Bedorf',
    parentKey: '01001',
    geometry: square(9.3, 54.1),
  }),
  area({ levelId: 'gemeinde', key: '01001004', name: 'Dedorf', parentKey: '01001', validTo: '2018-01-01' }),
  area({ levelId: 'gemeinde', key: '01001005', name: 'Edorf', parentKey: '01001', validTo: '2018-01-01' }),
  area({
    levelId: 'gemeinde',
    key: '01001003',
    name: 'Cedorf',
    parentKey: '01001',
    validFrom: '2018-01-01',
    predecessors: ['01001004', '01001005'],
  }),
  area({ levelId: 'sozialraum', key: 'SR1', name: 'Sozialraum 1' }),
];

export const POPULATION: IndicatorInput = {
  id: 'population',
  name: 'Einwohner',
  unit: 'Personen',
  kind: 'count',
};

export const UNEMPLOYMENT: IndicatorInput = {
  id: 'unemployment_share',
  name: 'Arbeitslosenanteil',
  nameEn: 'Unemployment share',
  unit: '%',
  kind: 'share',
  topic: 'Arbeit und Einkommen',
  numeratorId: 'unemployed',
  denominatorId: 'population_15_65',
  polarity: 'higher_is_worse',
  source: 'BA',
};

export function obs(
  indicatorId: string,
  levelId: string,
  areaKey: string,
  period: string,
  value: number | null,
  extra: Partial<Observation> = {},
): Observation {
  return {
    indicatorId,
    levelId,
    areaKey,
    period,
    value,
    numerator: null,
    denominator: null,
    status: 'final',
    missingReason: null,
    ...extra,
  };
}

/** Levels, areas, a correspondence, two indicators and a few observations. */
export function baseBatch(): BatchInput {
  return batch({
    file: 'base.csv',
    levels: LEVELS,
    areas: AREAS,
    correspondences: [
      {
        fromLevelId: 'gemeinde',
        fromKey: '01001001',
        toLevelId: 'sozialraum',
        toKey: 'SR1',
        weight: 0.75,
        basis: 'population',
      },
      {
        fromLevelId: 'gemeinde',
        fromKey: '01001002',
        toLevelId: 'sozialraum',
        toKey: 'SR1',
        weight: 1,
        basis: 'population',
      },
    ],
    indicators: [POPULATION, UNEMPLOYMENT],
    observations: [
      obs('population', 'gemeinde', '01001001', '2020', 1200),
      obs('population', 'gemeinde', '01001002', '2020', 800),
      obs('population', 'gemeinde', '01001001', '2021', 1210),
      obs('unemployment_share', 'gemeinde', '01001001', '2020', 5.5, { numerator: 44, denominator: 800 }),
      obs('unemployment_share', 'gemeinde', '01001002', '2020', null, {
        status: 'missing',
        missingReason: 'secret',
      }),
    ],
  });
}

/** `n` observations of `indicatorId` on the Gemeinde level, spread over areas and periods. */
export function manyObservations(
  n: number,
  indicatorId = 'population',
  value = (i: number) => i * 0.5,
): Observation[] {
  const rows: Observation[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      obs(
        indicatorId,
        'gemeinde',
        `K${String(i % 1000).padStart(4, '0')}`,
        String(1900 + Math.floor(i / 1000)),
        value(i),
      ),
    );
  }
  return rows;
}
