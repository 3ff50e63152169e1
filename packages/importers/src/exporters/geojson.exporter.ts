import type { Geometry } from '@lagebild/core';
import { indicatorName, type ExportLocale, type ExportTable } from './export-table.ts';

export interface ExportMetadata {
  indicator: string;
  name: string;
  unit: string;
  decimals: number;
  source: string | null;
  description: string | null;
  level: string;
  levelName: string;
  parent: { key: string; name: string } | null;
  period: string | null;
  exportedAt: string;
  generator: 'Lagebild';
}

export interface ExportFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry | null;
  properties: {
    key: string;
    name: string | null;
    period: string | null;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    status: string;
    missingReason: string | null;
    indicator: string;
    unit: string;
    source: string | null;
    exportedAt: string;
  };
}

export interface ExportFeatureCollection {
  type: 'FeatureCollection';
  metadata: ExportMetadata;
  features: ExportFeature[];
}

/**
 * GeoJSON (RFC 7946, WGS 84): a feature per row with the value, status and missing reason (a
 * missing value stays null with its reason, never 0). `metadata` is a foreign member that GIS tools
 * may drop on import, so indicator, unit, source and export date also travel in every feature.
 */
export function writeExportGeoJson(table: ExportTable, locale: ExportLocale): ExportFeatureCollection {
  const { indicator } = table;
  return {
    type: 'FeatureCollection',
    metadata: {
      indicator: indicator.id,
      name: indicatorName(indicator, locale),
      unit: indicator.unit,
      decimals: indicator.decimals,
      source: indicator.source,
      description: indicator.description,
      level: table.level.id,
      levelName: table.level.name,
      parent: table.parent,
      period: table.period,
      exportedAt: table.exportedAt,
      generator: 'Lagebild',
    },
    features: table.rows.map((row) => ({
      type: 'Feature',
      id: row.period && table.period === null ? `${row.areaKey}/${row.period}` : row.areaKey,
      geometry: table.geometries?.get(row.areaKey) ?? null,
      properties: {
        key: row.areaKey,
        name: row.areaName,
        period: row.period,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        status: row.status,
        missingReason: row.missingReason,
        indicator: indicator.id,
        unit: indicator.unit,
        source: indicator.source,
        exportedAt: table.exportedAt,
      },
    })),
  };
}
