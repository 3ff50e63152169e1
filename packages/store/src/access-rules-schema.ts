/** The tables of migration 0006, as Kysely sees them (see schema.ts for the conventions). */
export interface AccessRuleTables {
  indicator_classes: IndicatorClassesTable;
  disclosure_rules: DisclosureRulesTable;
  access_revision: AccessRevisionTable;
}

export interface IndicatorClassesTable {
  indicator_id: string;
  /** '' for every level: a key column is never null on either engine. */
  level_id: string;
  confidentiality: string;
  organisation_id: string | null;
  updated_at: string;
}

export interface DisclosureRulesTable {
  indicator_id: string;
  /** The rule as JSON text. */
  rule: string;
  updated_at: string;
}

/** One row (id 1) whose counter every change of the two tables above increases. */
export interface AccessRevisionTable {
  id: number;
  revision: number;
}
