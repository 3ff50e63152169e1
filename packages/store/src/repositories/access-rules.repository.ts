import { DomainError, validateDisclosureRule, type ConfidentialityClass } from '@lagebild/core';
import type { Kysely, Transaction } from 'kysely';
import type {
  AccessRuleStore,
  DataClassRecord,
  DataClassScope,
  DisclosureRuleRecord,
} from '../access-rules.ts';
import { stableJson } from '../json.ts';
import type { Database } from '../schema.ts';

const ALL_LEVELS = '';

/** Data classes and disclosure rules (migration 0006); each change and its revision in one transaction. */
export class AccessRulesRepository implements AccessRuleStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async listDataClasses(): Promise<DataClassRecord[]> {
    const rows = await this.db
      .selectFrom('indicator_classes')
      .selectAll()
      .orderBy('indicator_id')
      .orderBy('level_id')
      .execute();
    return rows.map((row) => ({
      indicatorId: row.indicator_id,
      levelId: row.level_id === ALL_LEVELS ? null : row.level_id,
      confidentiality: row.confidentiality as ConfidentialityClass,
      organisationId: row.organisation_id,
      updatedAt: row.updated_at,
    }));
  }

  async setIndicatorConfidentiality(
    indicatorId: string,
    confidentiality: ConfidentialityClass | null,
    scope: DataClassScope = {},
  ): Promise<void> {
    const levelId = scope.levelId ?? ALL_LEVELS;
    await this.#change(async (trx) => {
      await requireIndicator(trx, indicatorId);
      if (levelId !== ALL_LEVELS) await requireLevel(trx, levelId);
      const where = trx
        .deleteFrom('indicator_classes')
        .where('indicator_id', '=', indicatorId)
        .where('level_id', '=', levelId);
      await where.execute();
      if (confidentiality === null) return;
      const organisationId = scope.organisationId ?? null;
      if (organisationId !== null) await requireOrganisation(trx, organisationId);
      await trx
        .insertInto('indicator_classes')
        .values({
          indicator_id: indicatorId,
          level_id: levelId,
          confidentiality,
          organisation_id: organisationId,
          updated_at: this.now().toISOString(),
        })
        .execute();
    });
  }

  async listDisclosureRules(): Promise<DisclosureRuleRecord[]> {
    const rows = await this.db.selectFrom('disclosure_rules').selectAll().orderBy('indicator_id').execute();
    return rows.map((row) => ({
      indicatorId: row.indicator_id,
      // Stored rules were validated on the way in; validating again fills defaults added since.
      rule: validateDisclosureRule(JSON.parse(row.rule)),
      updatedAt: row.updated_at,
    }));
  }

  async setDisclosureRule(
    indicatorId: string,
    rule: Parameters<AccessRuleStore['setDisclosureRule']>[1],
  ): Promise<void> {
    const checked = rule === null ? null : validateDisclosureRule(rule);
    await this.#change(async (trx) => {
      await requireIndicator(trx, indicatorId);
      await trx.deleteFrom('disclosure_rules').where('indicator_id', '=', indicatorId).execute();
      if (checked === null) return;
      await trx
        .insertInto('disclosure_rules')
        .values({
          indicator_id: indicatorId,
          rule: stableJson(checked),
          updated_at: this.now().toISOString(),
        })
        .execute();
    });
  }

  async revision(): Promise<number> {
    const row = await this.db
      .selectFrom('access_revision')
      .select('revision')
      .where('id', '=', 1)
      .executeTakeFirst();
    return Number(row?.revision ?? 0);
  }

  async #change(write: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await write(trx);
      await trx
        .updateTable('access_revision')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('id', '=', 1)
        .execute();
    });
  }
}

async function requireIndicator(trx: Transaction<Database>, id: string): Promise<void> {
  const row = await trx.selectFrom('indicators').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('IndicatorNotFound', `No indicator "${id}" in the catalogue.`);
}

async function requireLevel(trx: Transaction<Database>, id: string): Promise<void> {
  const row = await trx.selectFrom('levels').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('LevelNotFound', `No spatial level "${id}".`);
}

async function requireOrganisation(trx: Transaction<Database>, id: string): Promise<void> {
  const row = await trx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('ValidationFailed', `No organisation "${id}".`);
}
