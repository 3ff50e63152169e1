import type { ConfidentialityClass, DisclosureRule } from '@lagebild/core';

/**
 * The data class an administrator gave an indicator, on all levels (`levelId` null) or on one level
 * (e.g. public for the Kreis, internal for its Gemeinden). Without one, the catalogue's class holds.
 */
export interface DataClassRecord {
  indicatorId: string;
  levelId: string | null;
  confidentiality: ConfidentialityClass;
  /** Internal or confidential data of one organisation only (and its sub-organisations). */
  organisationId: string | null;
  updatedAt: string;
}

export interface DisclosureRuleRecord {
  indicatorId: string;
  rule: DisclosureRule;
  updatedAt: string;
}

export interface DataClassScope {
  /** One level; omitted or null: every level of the indicator. */
  levelId?: string | null;
  organisationId?: string | null;
}

/**
 * Who may see which indicator and what must be suppressed before it leaves a protected role
 * (`store.access`, migration 0006). Written directly, not as import batches; every write increases
 * `revision()`, so computed outputs can tell that the rules changed under them.
 * Errors: `IndicatorNotFound`, `LevelNotFound`, `ValidationFailed` (an unknown organisation).
 */
export interface AccessRuleStore {
  /** Ordered by indicator id, then level (all levels first). */
  listDataClasses(): Promise<DataClassRecord[]>;
  /** Sets the class for the indicator (on one level with `scope.levelId`); null removes it. */
  setIndicatorConfidentiality(
    indicatorId: string,
    confidentiality: ConfidentialityClass | null,
    scope?: DataClassScope,
  ): Promise<void>;
  /** Ordered by indicator id. */
  listDisclosureRules(): Promise<DisclosureRuleRecord[]>;
  /** Sets the indicator's rule (validated by the caller with `validateDisclosureRule`); null removes it. */
  setDisclosureRule(indicatorId: string, rule: DisclosureRule | null): Promise<void>;
  /** Increases with every change of a data class or a rule. */
  revision(): Promise<number>;
}
