import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationResult } from 'kysely';
import type { Capabilities } from '../engine.ts';
import type { Database } from '../schema.ts';
import { initialSchema } from './0001-initial-schema.ts';
import { indicatorFormula } from './0002-indicator-formula.ts';
import { directorySchema } from './0003-directory.ts';
import { accountsSchema } from './0004-accounts.ts';
import { oidcIdentitiesSchema } from './0007-oidc-identities.ts';
import { directoryEditorialSchema } from './0008-directory-editorial.ts';
import { accessRulesSchema } from './0006-access-rules.ts';
import { auditSchema } from './0005-audit.ts';

/**
 * Every migration, by the name recorded in `kysely_migration`. Names are permanent: add new ones at
 * the end, never rename or edit one that has shipped.
 */
export function migrations(caps: Capabilities): Record<string, Migration> {
  return {
    '0001-initial-schema': initialSchema(caps),
    '0002-indicator-formula': indicatorFormula(),
    '0003-directory': directorySchema(caps),
    '0004-accounts': accountsSchema(caps),
    '0007-oidc-identities': oidcIdentitiesSchema(caps),
    '0006-access-rules': accessRulesSchema(caps),
    '0005-audit': auditSchema(caps),
    '0008-directory-editorial': directoryEditorialSchema(caps),
  };
}

/** Applies the pending migrations; returns what ran (empty when the schema is current). */
export async function migrateToLatest(db: Kysely<Database>, caps: Capabilities): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(caps) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return results;
}
