import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../engine.ts';

type Column = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * The Wegweiser's editorial side. A Träger (directory provider) is linked to the organisation (kind
 * `provider`) whose users edit its services; the link lives in its own table because provider rows
 * belong to their import source and are rewritten by its deliveries. Change requests wait in
 * `directory_changes` until a reviewer publishes or rejects them; the base snapshot (the entry when
 * the change was proposed) shows before/after and reveals a conflict. Publication writes the entry
 * as an import batch (format `directory-editorial`), so the directory's history and undo cover it.
 * `directory_reminders` records each verification reminder per editor and service.
 */
export function directoryEditorialSchema(caps: Capabilities): Migration {
  const requiredKey: Column = (c) => caps.keyText(c).notNull();
  const key: Column = (c) => caps.keyText(c);
  const required: Column = (c) => c.notNull();

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('directory_provider_organisations')
        .addColumn('provider_id', 'text', (c) => caps.keyText(c).primaryKey())
        .addColumn('organisation_id', 'text', (c) =>
          caps.keyText(c).notNull().references('organisations.id').onDelete('cascade'),
        )
        .addColumn('linked_at', 'text', required)
        .execute();
      await db.schema
        .createIndex('directory_provider_organisations_org')
        .on('directory_provider_organisations')
        .column('organisation_id')
        .execute();
      await db.schema
        .createTable('directory_changes')
        .addColumn('id', 'text', (c) => caps.keyText(c).primaryKey())
        .addColumn('service_id', 'text', key)
        .addColumn('kind', 'text', required)
        .addColumn('fields', 'text', required)
        .addColumn('placement', 'text')
        .addColumn('message', 'text')
        .addColumn('base', 'text')
        .addColumn('status', 'text', required)
        .addColumn('submitted_by', 'text', key)
        .addColumn('reporter_name', 'text')
        .addColumn('reporter_email', 'text')
        .addColumn('submitted_at', 'text', required)
        .addColumn('reviewed_by', 'text', key)
        .addColumn('reviewed_at', 'text')
        .addColumn('review_note', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('batch_id', 'integer')
        .execute();
      for (const column of ['service_id', 'status'])
        await db.schema
          .createIndex(`directory_changes_${column}`)
          .on('directory_changes')
          .column(column)
          .execute();
      await db.schema
        .createTable('directory_reminders')
        .addColumn('user_id', 'text', requiredKey)
        .addColumn('service_id', 'text', requiredKey)
        .addColumn('sent_at', 'text', required)
        .addPrimaryKeyConstraint('directory_reminders_pk', ['user_id', 'service_id', 'sent_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['directory_reminders', 'directory_changes', 'directory_provider_organisations'])
        await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
