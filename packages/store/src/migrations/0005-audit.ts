import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../engine.ts';

/**
 * The audit trail: one row per change (who, when, what, before and after). Rows are only ever
 * inserted. `before`/`after` are JSON text without secrets; the actor's login is copied, so an event
 * still names its author after the user is deleted (hence no foreign key to users). `search_text`
 * holds the searchable fields in lower case, so search ignores case alike on both engines.
 */
export function auditSchema(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'integer', (c) => caps.autoIncrementId(c))
        .addColumn('at', 'text', (c) => caps.keyText(c).notNull())
        .addColumn('actor_user_id', 'text', (c) => caps.keyText(c))
        .addColumn('actor_login', 'text')
        .addColumn('actor_organisation_id', 'text', (c) => caps.keyText(c))
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => caps.keyText(c).notNull())
        .addColumn('target_type', 'text', (c) => caps.keyText(c).notNull())
        .addColumn('target_id', 'text', (c) => caps.keyText(c))
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('ip', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
      await db.schema
        .createIndex('audit_events_target')
        .on('audit_events')
        .columns(['target_type', 'target_id'])
        .execute();
      await db.schema.createIndex('audit_events_actor').on('audit_events').column('actor_user_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('audit_events').ifExists().execute();
    },
  };
}
