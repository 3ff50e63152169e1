import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../engine.ts';

type Column = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
type Table = CreateTableBuilder<string, string>;

/**
 * The service directory (Wegweiser): sources, providers (Träger), facilities and services. Like every
 * entity table each has a history table (same columns plus `old_batch_id`) so imports are undone
 * exactly. Entries a newer delivery of their source no longer contains are withdrawn
 * (`withdrawn_at`), not deleted: the withdrawal is an ordinary update with history, so a later
 * re-appearance and the undo of either batch stay exact. Lists (languages, target groups …) are JSON
 * text; times are ISO text.
 */
export function directorySchema(caps: Capabilities): Migration {
  const key: Column = (c) => caps.keyText(c);
  const requiredKey: Column = (c) => caps.keyText(c).notNull();
  const required: Column = (c) => c.notNull();
  const double = caps.doubleType;

  const sourceColumns = (t: Table) =>
    t
      .addColumn('id', 'text', requiredKey)
      .addColumn('name', 'text', required)
      .addColumn('attribution', 'text')
      .addColumn('url', 'text');

  const tracked = (t: Table) =>
    t
      .addColumn('created_at', 'text', required)
      .addColumn('updated_at', 'text', required)
      .addColumn('withdrawn_at', 'text');

  const providerColumns = (t: Table) =>
    tracked(
      t
        .addColumn('id', 'text', requiredKey)
        .addColumn('source', 'text', requiredKey)
        .addColumn('name', 'text', required)
        .addColumn('kind', 'text')
        .addColumn('umbrella', 'text')
        .addColumn('website', 'text')
        .addColumn('attributes', 'text', required),
    );

  const facilityColumns = (t: Table) =>
    tracked(
      t
        .addColumn('id', 'text', requiredKey)
        .addColumn('source', 'text', requiredKey)
        .addColumn('provider_id', 'text', key)
        .addColumn('name', 'text', required)
        .addColumn('street', 'text')
        .addColumn('house_number', 'text')
        .addColumn('postcode', 'text')
        .addColumn('city', 'text')
        .addColumn('district', 'text')
        .addColumn('lon', double)
        .addColumn('lat', double)
        .addColumn('accessibility', 'text', required)
        .addColumn('attributes', 'text', required),
    );

  const serviceColumns = (t: Table) =>
    tracked(
      t
        .addColumn('id', 'text', requiredKey)
        .addColumn('source', 'text', requiredKey)
        .addColumn('facility_id', 'text', key)
        .addColumn('provider_id', 'text', key)
        .addColumn('name', 'text', required)
        .addColumn('category_id', 'text', requiredKey)
        .addColumn('target_groups', 'text', required)
        .addColumn('life_phases', 'text', required)
        .addColumn('languages', 'text', required)
        .addColumn('capacity', double)
        .addColumn('free_places', double)
        .addColumn('free_places_date', 'text')
        .addColumn('costs', 'text')
        .addColumn('opening_hours', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('contact_person', 'text')
        .addColumn('website', 'text')
        .addColumn('description', 'text')
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('last_verified', 'text')
        .addColumn('status', 'text', required)
        .addColumn('attributes', 'text', required),
    );

  const withBatch = (t: Table) => t.addColumn('batch_id', 'integer');
  const asHistory = (t: Table) =>
    t.addColumn('batch_id', 'integer', required).addColumn('old_batch_id', 'integer');

  const tables: [string, string, (t: Table) => Table][] = [
    ['directory_sources', 'directory_source_history', sourceColumns],
    ['directory_providers', 'directory_provider_history', providerColumns],
    ['directory_facilities', 'directory_facility_history', facilityColumns],
    ['directory_services', 'directory_service_history', serviceColumns],
  ];

  return {
    async up(db: Kysely<unknown>) {
      const create = (name: string) => db.schema.createTable(name) as unknown as Table;
      for (const [table, history, columns] of tables) {
        await withBatch(columns(create(table)))
          .addPrimaryKeyConstraint(`${table}_pk`, ['id'])
          .execute();
        await asHistory(columns(create(history)))
          .addPrimaryKeyConstraint(`${history}_pk`, ['batch_id', 'id'])
          .execute();
        await db.schema.createIndex(`${history}_old_batch`).on(history).column('old_batch_id').execute();
        if (table !== 'directory_sources')
          await db.schema.createIndex(`${table}_source`).on(table).column('source').execute();
      }
      await db.schema
        .createIndex('directory_services_facility')
        .on('directory_services')
        .column('facility_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const [table, history] of [...tables].reverse()) {
        await db.schema.dropTable(history).ifExists().execute();
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
