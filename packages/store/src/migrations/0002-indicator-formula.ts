import type { Kysely, Migration } from 'kysely';

/**
 * Derived indicators: the formula over other indicator ids (null for stored indicators). The history
 * table mirrors the indicators table, so undo restores the formula too; `indicator_versions` keeps
 * the whole definition as JSON already (versions written before this migration read as null).
 */
export function indicatorFormula(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of ['indicators', 'indicator_history'])
        await db.schema.alterTable(table).addColumn('formula', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['indicator_history', 'indicators'])
        await db.schema.alterTable(table).dropColumn('formula').execute();
    },
  };
}
