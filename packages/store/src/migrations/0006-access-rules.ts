import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Capabilities } from '../engine.ts';

/**
 * Data classes and disclosure rules set by administrators, apart from the catalogue: a catalogue
 * import says what a figure means, these tables say who may see it. Indicators are referenced by id
 * without a foreign key, because an undo may remove an indicator and its class should then simply
 * stop applying rather than block the undo.
 */
export function accessRulesSchema(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('indicator_classes')
        .addColumn('indicator_id', 'text', (c) => caps.keyText(c).notNull())
        .addColumn('level_id', 'text', (c) => caps.keyText(c).notNull())
        .addColumn('confidentiality', 'text', (c) => c.notNull())
        .addColumn('organisation_id', 'text', (c) =>
          caps.keyText(c).references('organisations.id').onDelete('cascade'),
        )
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('indicator_classes_pk', ['indicator_id', 'level_id'])
        .execute();
      await db.schema
        .createTable('disclosure_rules')
        .addColumn('indicator_id', 'text', (c) => caps.keyText(c).primaryKey())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('access_revision')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into access_revision (id, revision) values (1, 0)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['access_revision', 'disclosure_rules', 'indicator_classes'])
        await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
