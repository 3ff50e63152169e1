import type { Store } from '@lagebild/store';
import type { JobOutcome } from '../harness.ts';
import { countStored, openBenchStore, timedImport, type StoreParams } from './timed-import.ts';

/**
 * Benchmark 2, product path: the GENESIS Gemeinde table (12411-01-01-5) with the demo's own mapping,
 * into a store holding the Gemeinden of 2021; rows of Gemeinden that no longer exist are excluded.
 */
export interface GenesisLagebildParams extends StoreParams {
  mappingPath: string;
}

export const GENESIS_INDICATORS = ['bev_insgesamt', 'bev_maennlich', 'bev_weiblich'];

/** Stored values that are missing (GENESIS symbols), to compare with the baseline. */
async function countMissing(store: Store): Promise<number> {
  let missing = 0;
  for (const indicatorId of GENESIS_INDICATORS) {
    for (const o of await store.getValues({ indicatorId, levelId: 'gemeinde' }))
      if (o.status === 'missing') missing++;
  }
  return missing;
}

export async function genesisLagebild(params: GenesisLagebildParams): Promise<JobOutcome> {
  const store = await openBenchStore(params);
  try {
    const { seconds, cpuSeconds, phases, report } = await timedImport(store, params.mappingPath, true);
    const o = report.diff.observations;
    return {
      seconds,
      cpuSeconds,
      phases,
      counts: {
        values: o.inserted + o.updated + o.unchanged,
        excludedRows: report.excludedRows,
        stored: await countStored(store, GENESIS_INDICATORS),
        missing: await countMissing(store),
      },
    };
  } finally {
    await store.close();
  }
}
