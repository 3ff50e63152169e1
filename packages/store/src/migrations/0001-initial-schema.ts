import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../engine.ts';

type Column = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
type Table = CreateTableBuilder<string, string>;

/**
 * The first schema, written once for both engines; `caps` supplies the few engine-specific column
 * types. Every entity table has a history table of the same columns plus `old_batch_id`, keyed by
 * (batch_id, identity): the rows a batch replaced, for undo.
 */
export function initialSchema(caps: Capabilities): Migration {
  const key: Column = (c) => caps.keyText(c);
  const requiredKey: Column = (c) => caps.keyText(c).notNull();
  const required: Column = (c) => c.notNull();
  const double = caps.doubleType;

  const levelColumns = (t: Table) =>
    t
      .addColumn('id', 'text', requiredKey)
      .addColumn('name', 'text', required)
      .addColumn('name_en', 'text')
      .addColumn('kind', 'text', required)
      .addColumn('parent_level_id', 'text', key)
      .addColumn('sort_order', 'integer', required)
      .addColumn('description', 'text');

  const areaColumns = (t: Table) =>
    t
      .addColumn('level_id', 'text', requiredKey)
      .addColumn('key', 'text', requiredKey)
      .addColumn('name', 'text', required)
      .addColumn('parent_key', 'text', key)
      .addColumn('valid_from', 'text', key)
      .addColumn('valid_to', 'text', key)
      .addColumn('predecessors', 'text', required)
      .addColumn('source_crs', 'text')
      .addColumn('geometry', 'text')
      .addColumn('min_lon', double)
      .addColumn('min_lat', double)
      .addColumn('max_lon', double)
      .addColumn('max_lat', double)
      .addColumn('attributes', 'text', required);

  const correspondenceColumns = (t: Table) =>
    t
      .addColumn('from_level_id', 'text', requiredKey)
      .addColumn('from_key', 'text', requiredKey)
      .addColumn('to_level_id', 'text', requiredKey)
      .addColumn('to_key', 'text', requiredKey)
      .addColumn('weight', double, required)
      .addColumn('basis', 'text', required);

  const indicatorColumns = (t: Table) =>
    t
      .addColumn('id', 'text', requiredKey)
      .addColumn('version', 'integer', required)
      .addColumn('name', 'text', required)
      .addColumn('name_en', 'text')
      .addColumn('topic', 'text', required)
      .addColumn('description', 'text')
      .addColumn('unit', 'text', required)
      .addColumn('kind', 'text', required)
      .addColumn('rate_per', double)
      .addColumn('numerator_id', 'text', key)
      .addColumn('denominator_id', 'text', key)
      .addColumn('aggregation', 'text', required)
      .addColumn('weight_id', 'text', key)
      .addColumn('polarity', 'text', required)
      .addColumn('source', 'text')
      .addColumn('update_cycle', 'text')
      .addColumn('reference_date', 'text')
      .addColumn('confidentiality', 'text', required)
      .addColumn('decimals', 'integer', required)
      .addColumn('notes', 'text');

  const observationColumns = (t: Table) =>
    t
      .addColumn('indicator_id', 'text', requiredKey)
      .addColumn('level_id', 'text', requiredKey)
      .addColumn('area_key', 'text', requiredKey)
      .addColumn('period', 'text', requiredKey)
      .addColumn('value', double)
      .addColumn('numerator', double)
      .addColumn('denominator', double)
      .addColumn('status', 'text', required)
      .addColumn('missing_reason', 'text');

  const withBatch = (t: Table) => t.addColumn('batch_id', 'integer');
  const asHistory = (t: Table) =>
    t.addColumn('batch_id', 'integer', required).addColumn('old_batch_id', 'integer');

  return {
    async up(db: Kysely<unknown>) {
      const create = (name: string) => db.schema.createTable(name) as unknown as Table;

      await create('import_batches')
        .addColumn('id', 'integer', (c) => caps.autoIncrementId(c))
        .addColumn('created_at', 'text', required)
        .addColumn('file', 'text', required)
        .addColumn('format', 'text', required)
        .addColumn('mapping', 'text', required)
        .addColumn('status', 'text', required)
        .addColumn('undone_at', 'text')
        .addColumn('diff', 'text', required)
        .execute();

      await withBatch(levelColumns(create('levels')))
        .addPrimaryKeyConstraint('levels_pk', ['id'])
        .execute();
      await asHistory(levelColumns(create('level_history')))
        .addPrimaryKeyConstraint('level_history_pk', ['batch_id', 'id'])
        .execute();

      await withBatch(areaColumns(create('areas').addColumn('id', 'integer', (c) => caps.autoIncrementId(c))))
        .addForeignKeyConstraint('areas_level_fk', ['level_id'], 'levels', ['id'])
        .execute();
      await asHistory(areaColumns(create('area_history').addColumn('id', 'integer', required)))
        .addPrimaryKeyConstraint('area_history_pk', ['batch_id', 'id'])
        .execute();

      const correspondenceKey = ['from_level_id', 'from_key', 'to_level_id', 'to_key'];
      await withBatch(correspondenceColumns(create('correspondences')))
        .addPrimaryKeyConstraint('correspondences_pk', correspondenceKey)
        .addForeignKeyConstraint('correspondences_from_fk', ['from_level_id'], 'levels', ['id'])
        .addForeignKeyConstraint('correspondences_to_fk', ['to_level_id'], 'levels', ['id'])
        .execute();
      await asHistory(correspondenceColumns(create('correspondence_history')))
        .addPrimaryKeyConstraint('correspondence_history_pk', ['batch_id', ...correspondenceKey])
        .execute();

      await withBatch(indicatorColumns(create('indicators')))
        .addPrimaryKeyConstraint('indicators_pk', ['id'])
        .execute();
      await asHistory(indicatorColumns(create('indicator_history')))
        .addPrimaryKeyConstraint('indicator_history_pk', ['batch_id', 'id'])
        .execute();
      await withBatch(
        create('indicator_versions')
          .addColumn('indicator_id', 'text', requiredKey)
          .addColumn('version', 'integer', required)
          .addColumn('definition', 'text', required),
      )
        .addPrimaryKeyConstraint('indicator_versions_pk', ['indicator_id', 'version'])
        .addForeignKeyConstraint('indicator_versions_indicator_fk', ['indicator_id'], 'indicators', ['id'])
        .execute();

      // Identity (indicator, level, area, period), stored in the order imports write and maps read:
      // one period of one indicator on one level is one contiguous key range. No foreign keys here:
      // per-row checks would double the bulk import on PostgreSQL; the batch logic checks the
      // references once per batch, and undo refuses to orphan them.
      const observationKey = ['indicator_id', 'level_id', 'period', 'area_key'];
      await caps
        .clusteredByKey(
          withBatch(observationColumns(create('observations'))).addPrimaryKeyConstraint(
            'observations_pk',
            observationKey,
          ),
        )
        .execute();
      await caps
        .clusteredByKey(
          asHistory(observationColumns(create('observation_history'))).addPrimaryKeyConstraint(
            'observation_history_pk',
            ['batch_id', ...observationKey],
          ),
        )
        .execute();

      await createIndexes(db);
    },

    async down(db: Kysely<unknown>) {
      for (const table of TABLES_IN_DROP_ORDER) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}

async function createIndexes(db: Kysely<unknown>): Promise<void> {
  // A NULL valid_from is a version too, and must be unique like any other: hence the coalesce.
  await sql`create unique index areas_identity on areas (level_id, key, coalesce(valid_from, ''))`.execute(
    db,
  );
  await db.schema.createIndex('areas_level_valid_to').on('areas').columns(['level_id', 'valid_to']).execute();
  // Time series of one area (the primary key serves one period of all areas).
  await db.schema
    .createIndex('observations_by_area')
    .on('observations')
    .columns(['indicator_id', 'level_id', 'area_key', 'period'])
    .execute();
  for (const history of [
    'level_history',
    'area_history',
    'correspondence_history',
    'indicator_history',
    'observation_history',
  ]) {
    await db.schema.createIndex(`${history}_old_batch`).on(history).column('old_batch_id').execute();
  }
}

const TABLES_IN_DROP_ORDER = [
  'observation_history',
  'observations',
  'indicator_versions',
  'indicator_history',
  'indicators',
  'correspondence_history',
  'correspondences',
  'area_history',
  'areas',
  'level_history',
  'levels',
  'import_batches',
];
