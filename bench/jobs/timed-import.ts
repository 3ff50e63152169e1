import type { ImportReport } from '@lagebild/core';
import { importFiles, loadMappingFile, loadSourceFiles } from '@lagebild/importers';
import { createPostgresStore, createSqliteStore, type Store } from '@lagebild/store';
import { stopwatch } from '../harness.ts';
import { PhaseMarks } from '../phases.ts';

/** Where a Lagebild job writes: a SQLite file or a PostgreSQL database (URL). */
export interface StoreParams {
  engine: 'sqlite' | 'postgres';
  /** The SQLite file or the PostgreSQL URL. */
  target: string;
}

export async function openBenchStore(params: StoreParams): Promise<Store> {
  const store =
    params.engine === 'sqlite' ? createSqliteStore(params.target) : createPostgresStore(params.target);
  await store.migrate();
  return store;
}

export interface TimedImport {
  seconds: number;
  cpuSeconds: number;
  phases: Record<string, number>;
  report: ImportReport;
}

/**
 * What `lagebild import <mapping> --apply` does, timed from reading the mapping and the file to the
 * committed batch: loadMappingFile, loadSourceFiles, importFiles (parse, map, validate, dry run, apply).
 */
export async function timedImport(
  store: Store,
  mappingPath: string,
  acceptExclusions: boolean,
): Promise<TimedImport> {
  const timer = stopwatch();
  const marks = new PhaseMarks();
  const { raw, dataPath } = loadMappingFile(mappingPath);
  if (!dataPath) throw new Error(`${mappingPath}: the mapping names no file`);
  const files = loadSourceFiles(dataPath);
  const report = await importFiles(marks.wrap(store), files, raw, { apply: true, acceptExclusions });
  return { seconds: timer.seconds(), cpuSeconds: timer.cpuSeconds(), phases: marks.phases(), report };
}

/** Stored values per indicator, counted through the Store interface after the import. */
export async function countStored(store: Store, indicatorIds: string[]): Promise<number> {
  let total = 0;
  for (const id of indicatorIds) for (const c of await store.countObservations(id)) total += c.values;
  return total;
}
