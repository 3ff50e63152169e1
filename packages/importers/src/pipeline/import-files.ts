import type { ImportReport } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { parseImportMapping } from './import-mapping.ts';
import { planImport, type PlanContext } from './plan-import.ts';
import { runImport, type RunImportOptions } from './run-import.ts';
import type { SourceFile } from './source-file.ts';

/** The whole import cycle for one source: parse the mapping, read, map, validate, report, apply. */
export async function importFiles(
  store: Store,
  files: SourceFile[],
  mapping: unknown,
  options: RunImportOptions & PlanContext,
): Promise<ImportReport> {
  const spec = parseImportMapping(mapping);
  const plan = await planImport(files, spec, store, { geocoder: options.geocoder });
  return runImport(plan, store, options);
}
