import type { ChangeCounts, Observation } from '@lagebild/core';
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export type ProgressListener = (done: number, total: number) => void;

/**
 * Everything in which the engines differ, declared once per dialect (src/dialects). Migrations,
 * repositories and the batch logic are written against Kysely and these capabilities only.
 */
export interface Capabilities {
  readonly dialect: DialectName;
  /** An 8-byte IEEE double on both engines (PostgreSQL `real` would be 4 bytes). */
  readonly doubleType: 'real' | 'double precision';
  /** Makes an integer column an auto-incrementing primary key. */
  autoIncrementId(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /**
   * For text columns holding ids, keys and periods: compare and sort by code point whatever the
   * database locale, so both engines order `getValues` and `listPeriods` alike.
   */
  keyText(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Storage option for big tables read and written by their composite primary key. */
  clusteredByKey(table: CreateTableBuilder<string, string>): CreateTableBuilder<string, string>;
  /** Serialises batch writers inside `trx`, so batch ids follow commit order. */
  lockBatchWriters(trx: Transaction<Database>): Promise<void>;
}

/**
 * The bulk observation path, the one place where speed needs engine-specific SQL. Both
 * implementations keep the same contract: upsert by identity, leave unchanged rows alone, copy every
 * replaced row into observation_history, reject an identity given twice in one batch.
 */
export interface ObservationWriter {
  apply(
    trx: Transaction<Database>,
    batchId: number,
    rows: readonly Observation[],
    onProgress?: ProgressListener,
  ): Promise<ChangeCounts>;
  /** The counts `apply` would return, without writing; runs inside a (read) transaction. */
  diff(trx: Transaction<Database>, rows: readonly Observation[]): Promise<ChangeCounts>;
}

export interface Engine {
  readonly capabilities: Capabilities;
  readonly db: Kysely<Database>;
  readonly observations: ObservationWriter;
  /** Fails with an error naming the database when it cannot be reached. */
  ping(): Promise<void>;
  destroy(): Promise<void>;
}
