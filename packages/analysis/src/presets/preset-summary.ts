import { formatInterval } from '@lagebild/core';
import type { PresetEntry } from './preset-catalogue.ts';

/** A preset as the API lists it: what it reads, how it classes, which periods each version covers. */
export interface PresetSummary {
  id: string;
  name: string;
  kind: 'index' | 'cross';
  description: string | null;
  versions: {
    version: number;
    appliesTo: { from: string | null; to: string | null };
    population: string | null;
    components: { id: string; indicator: string; label: string | null; direction: 1 | -1; weight: number }[];
    classes: { code: number; label: string; symbol: string; interval: string }[];
  }[];
  /** For a cross class: the indices it combines. */
  parts: { name: string; index: string }[];
}

export function presetSummary(entry: PresetEntry): PresetSummary {
  if (entry.kind === 'cross')
    return {
      id: entry.id,
      name: entry.name,
      kind: 'cross',
      description: entry.cross.description,
      versions: [],
      parts: entry.cross.parts,
    };
  return {
    id: entry.id,
    name: entry.name,
    kind: 'index',
    description: entry.preset.versions.at(-1)!.description,
    versions: entry.preset.versions.map((v) => ({
      version: v.version,
      appliesTo: v.appliesTo,
      population: v.population,
      components: v.components.map(({ id, indicator, label, direction, weight }) => ({
        id,
        indicator,
        label,
        direction,
        weight,
      })),
      classes: v.classes.map((c) => ({
        code: c.code,
        label: c.label,
        symbol: c.symbol,
        interval: formatInterval(c.interval),
      })),
    })),
    parts: [],
  };
}
