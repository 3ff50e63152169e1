import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../engine.ts';

/**
 * Accounts of an OpenID Connect provider linked to Lagebild users: one row per (issuer, subject),
 * the pair an ID token identifies a person by. A user may have several identities (e.g. after a
 * change of provider); an identity belongs to one user and goes with it.
 */
export function oidcIdentitiesSchema(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('user_identities')
        .addColumn('issuer', 'text', (c) => caps.keyText(c).notNull())
        .addColumn('subject', 'text', (c) => caps.keyText(c).notNull())
        .addColumn('user_id', 'text', (c) =>
          caps.keyText(c).notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
        .execute();
      await db.schema.createIndex('user_identities_user').on('user_identities').column('user_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('user_identities').ifExists().execute();
    },
  };
}
