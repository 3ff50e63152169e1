import { writeFileSync } from 'node:fs';
import { importFiles, loadMappingFile, loadSourceFiles } from '@lagebild/importers';
import { stopwatch, type JobOutcome } from '../harness.ts';
import { openBenchStore, type StoreParams } from './timed-import.ts';

/**
 * Untimed preparation of a template store: imports the given mappings in order (areas, catalogue),
 * as `lagebild import … --apply` would. Each measured run then starts from a copy of this store.
 * Optionally writes the area keys of one level to a file, for the DuckDB baselines.
 */
export interface SetupParams extends StoreParams {
  mappings: string[];
  keys?: { level: string; path: string };
}

export async function setup(params: SetupParams): Promise<JobOutcome> {
  const timer = stopwatch();
  const store = await openBenchStore(params);
  const counts: Record<string, number> = {};
  try {
    for (const path of params.mappings) {
      const { raw, dataPath } = loadMappingFile(path);
      const files = dataPath ? loadSourceFiles(dataPath) : [];
      const report = await importFiles(store, files, raw, { apply: true, acceptExclusions: false });
      counts.areas = (counts.areas ?? 0) + report.diff.areas.inserted;
      counts.indicators = (counts.indicators ?? 0) + report.diff.indicators.inserted;
    }
    if (params.keys) {
      const keys = await store.listAreaKeys(params.keys.level);
      writeFileSync(params.keys.path, `key\n${keys.join('\n')}\n`);
      counts.keys = keys.length;
    }
  } finally {
    await store.close();
  }
  return { seconds: timer.seconds(), cpuSeconds: timer.cpuSeconds(), counts };
}
