import type { DirectoryBatchInput, DirectoryPlan } from '@lagebild/core';

/**
 * The directory delivery without the records that have errors (the user accepted their exclusion),
 * and without the source row numbers; providers no remaining entry refers to are left out too.
 */
export function withoutExcludedRows(plan: DirectoryPlan, excluded: ReadonlySet<number>): DirectoryBatchInput {
  const keep = (row: number | null) => row === null || !excluded.has(row);
  const facilities = plan.facilities.filter((f) => keep(f.row)).map(({ row: _row, ...facility }) => facility);
  const services = plan.services.filter((s) => keep(s.row)).map(({ row: _row, ...service }) => service);
  const used = new Set<string>();
  for (const f of facilities) if (f.providerId) used.add(f.providerId);
  for (const s of services) if (s.providerId) used.add(s.providerId);
  return {
    source: plan.source,
    providers: plan.providers.filter((p) => used.has(p.id)),
    facilities,
    services,
  };
}
