import type { JobOutcome } from '../harness.ts';
import { INDICATORS } from '../fixtures/long-csv.ts';
import { countStored, openBenchStore, timedImport, type StoreParams } from './timed-import.ts';

/**
 * Benchmark 1, product path: the long CSV into a store that already holds the areas and the
 * indicators, with the long-layout mapping, errors not accepted (the file has none).
 */
export interface CsvLagebildParams extends StoreParams {
  mappingPath: string;
}

export async function csvLagebild(params: CsvLagebildParams): Promise<JobOutcome> {
  const store = await openBenchStore(params);
  try {
    const { seconds, cpuSeconds, phases, report } = await timedImport(store, params.mappingPath, false);
    const o = report.diff.observations;
    return {
      seconds,
      cpuSeconds,
      phases,
      counts: {
        values: o.inserted + o.updated + o.unchanged,
        inserted: o.inserted,
        errors: report.errors,
        stored: await countStored(
          store,
          INDICATORS.map((i) => i.id),
        ),
      },
    };
  } finally {
    await store.close();
  }
}
