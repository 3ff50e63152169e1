import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../engine.ts';

type Column = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Local accounts: organisations, users, sessions and API tokens. Accounts are not data: they are
 * written directly (no import batch, no history). Lists (roles, topics, area scopes, token scopes) are
 * JSON text; times are ISO text. Secrets are never stored: sessions and tokens keep a SHA-256 hash,
 * users an Argon2id hash. `login_key` is the login in lower case, so logins are unique whatever the
 * case on both engines.
 */
export function accountsSchema(caps: Capabilities): Migration {
  const requiredKey: Column = (c) => caps.keyText(c).notNull();
  const required: Column = (c) => c.notNull();
  const userRef: Column = (c) => caps.keyText(c).notNull().references('users.id').onDelete('cascade');

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => caps.keyText(c).primaryKey())
        .addColumn('name', 'text', required)
        .addColumn('kind', 'text', required)
        .addColumn('parent_id', 'text', (c) => caps.keyText(c).references('organisations.id'))
        .addColumn('created_at', 'text', required)
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => caps.keyText(c).primaryKey())
        .addColumn('organisation_id', 'text', (c) => caps.keyText(c).references('organisations.id'))
        .addColumn('login', 'text', required)
        .addColumn('login_key', 'text', requiredKey)
        .addColumn('display_name', 'text', required)
        .addColumn('password_hash', 'text', required)
        .addColumn('roles', 'text', required)
        .addColumn('topics', 'text', required)
        .addColumn('areas', 'text', required)
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', required)
        .addColumn('updated_at', 'text', required)
        .addUniqueConstraint('users_login_key', ['login_key'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => caps.keyText(c).primaryKey())
        .addColumn('user_id', 'text', userRef)
        .addColumn('csrf_token', 'text', required)
        .addColumn('created_at', 'text', required)
        .addColumn('last_seen_at', 'text', required)
        .addColumn('expires_at', 'text', required)
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => caps.keyText(c).primaryKey())
        .addColumn('user_id', 'text', userRef)
        .addColumn('name', 'text', required)
        .addColumn('secret_hash', 'text', required)
        .addColumn('permissions', 'text', required)
        .addColumn('created_at', 'text', required)
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['api_tokens', 'sessions', 'users', 'organisations'])
        await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
