import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { AreasRepository } from './areas.repository.ts';
import { BatchesRepository } from './batches.repository.ts';
import { CorrespondencesRepository } from './correspondences.repository.ts';
import { DirectoryRepository } from './directory.repository.ts';
import { IndicatorsRepository } from './indicators.repository.ts';
import { LevelsRepository } from './levels.repository.ts';
import { ObservationsRepository } from './observations.repository.ts';

export interface Repositories {
  levels: LevelsRepository;
  areas: AreasRepository;
  correspondences: CorrespondencesRepository;
  indicators: IndicatorsRepository;
  observations: ObservationsRepository;
  batches: BatchesRepository;
  directory: DirectoryRepository;
}

/** The repositories bound to `db`, which may be a transaction. */
export function repositories(db: Kysely<Database>): Repositories {
  return {
    levels: new LevelsRepository(db),
    areas: new AreasRepository(db),
    correspondences: new CorrespondencesRepository(db),
    indicators: new IndicatorsRepository(db),
    observations: new ObservationsRepository(db),
    batches: new BatchesRepository(db),
    directory: new DirectoryRepository(db),
  };
}
