import { withIndicatorDefaults } from '@lagebild/core';
import type { ChangeCounts, IndicatorDefinition, IndicatorInput } from '@lagebild/core';
import type { Kysely } from 'kysely';
import { stableJson } from '../json.ts';
import type { Database, IndicatorRow } from '../schema.ts';
import { syncRows, undoRows } from './row-sync.ts';
import type { Row, SyncSpec, Written } from './row-sync.ts';

export const INDICATORS: SyncSpec = { table: 'indicators', history: 'indicator_history', identity: ['id'] };

/**
 * `indicators` holds the current definition, `indicator_versions` every definition ever current.
 * A changed definition becomes version n+1; an unchanged one leaves both tables alone.
 */
export class IndicatorsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<IndicatorDefinition[]> {
    const rows = await this.db.selectFrom('indicators').selectAll().orderBy('id').execute();
    return rows.map(toDefinition);
  }

  async get(id: string, version?: number): Promise<IndicatorDefinition | null> {
    if (version !== undefined) {
      const row = await this.db
        .selectFrom('indicator_versions')
        .select('definition')
        .where('indicator_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? fromJson(row.definition) : null;
    }
    const row = await this.db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDefinition(row) : null;
  }

  async versions(id: string): Promise<IndicatorDefinition[]> {
    const rows = await this.db
      .selectFrom('indicator_versions')
      .select('definition')
      .where('indicator_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((r) => fromJson(r.definition));
  }

  /** The ids among `ids` that exist. */
  async existing(ids: Iterable<string>): Promise<Set<string>> {
    const list = [...ids];
    if (list.length === 0) return new Set();
    const rows = await this.db.selectFrom('indicators').select('id').where('id', 'in', list).execute();
    return new Set(rows.map((r) => r.id));
  }

  async sync(indicators: readonly IndicatorInput[], batchId: number | null): Promise<ChangeCounts> {
    const rows = indicators.map((input) => toRow(withIndicatorDefaults(definedOnly(input))));
    const { counts, written } = await syncRows(this.db, INDICATORS, rows, batchId, nextVersion);
    if (batchId !== null) await this.#recordVersions(written, batchId);
    return counts;
  }

  async undo(batchId: number): Promise<void> {
    await this.db.deleteFrom('indicator_versions').where('batch_id', '=', batchId).execute();
    await undoRows(this.db, INDICATORS, batchId);
  }

  async #recordVersions(written: Written[], batchId: number): Promise<void> {
    for (const { row } of written) {
      await this.db
        .insertInto('indicator_versions')
        .values({
          indicator_id: String(row.id),
          version: Number(row.version),
          definition: stableJson(toDefinition(row as unknown as IndicatorRow)),
          batch_id: batchId,
        })
        .execute();
    }
  }
}

/** A stored version; versions written before migration 0002 have no formula: they were stored ones. */
function fromJson(definition: string): IndicatorDefinition {
  return { formula: null, ...(JSON.parse(definition) as Omit<IndicatorDefinition, 'formula'>) };
}

/** An explicit `undefined` must not override a default. */
function definedOnly(input: IndicatorInput): IndicatorInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as IndicatorInput;
}

function nextVersion(row: Row, old: Row | null): Row {
  return { ...row, version: old === null ? 1 : Number(old.version) + 1 };
}

function toRow(d: Omit<IndicatorDefinition, 'version'>): Row {
  return {
    id: d.id,
    name: d.name,
    name_en: d.nameEn ?? null,
    topic: d.topic,
    description: d.description ?? null,
    unit: d.unit,
    kind: d.kind,
    rate_per: d.ratePer ?? null,
    numerator_id: d.numeratorId ?? null,
    denominator_id: d.denominatorId ?? null,
    aggregation: d.aggregation,
    weight_id: d.weightId ?? null,
    polarity: d.polarity,
    source: d.source ?? null,
    update_cycle: d.updateCycle ?? null,
    reference_date: d.referenceDate ?? null,
    confidentiality: d.confidentiality,
    decimals: d.decimals,
    notes: d.notes ?? null,
    formula: d.formula ?? null,
  };
}

function toDefinition(row: Omit<IndicatorRow, 'batch_id'>): IndicatorDefinition {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    nameEn: row.name_en,
    topic: row.topic,
    description: row.description,
    unit: row.unit,
    kind: row.kind as IndicatorDefinition['kind'],
    ratePer: row.rate_per,
    numeratorId: row.numerator_id,
    denominatorId: row.denominator_id,
    aggregation: row.aggregation as IndicatorDefinition['aggregation'],
    weightId: row.weight_id,
    polarity: row.polarity as IndicatorDefinition['polarity'],
    source: row.source,
    updateCycle: row.update_cycle,
    referenceDate: row.reference_date,
    confidentiality: row.confidentiality as IndicatorDefinition['confidentiality'],
    decimals: row.decimals,
    notes: row.notes,
    formula: row.formula,
  };
}
