import { issue, normalizePeriod } from '@lagebild/core';
import type { ImportIssue, ObservationStatus, Table } from '@lagebild/core';
import type { ColumnLookup } from './column-lookup.ts';
import type { IndicatorSpec, PeriodSpec, TableMapping, WideValueSpec } from './mapping.schema.ts';
import { qualityReader } from './quality.ts';

/**
 * A value source says, for one row, which cells hold values and under which indicator and period.
 * Long layout has one source (the value column); wide layout one per `values` entry, each selecting
 * its columns by a regex over the header names (the named group `period` can carry the period).
 */
export interface ValueColumn {
  index: number;
  name: string;
  /** Period taken from the header (named group `period`), already normalised; null when from elsewhere. */
  headerPeriod: string | null;
}

export type Status = Exclude<ObservationStatus, 'missing'>;

export interface ValueSource {
  columns: ValueColumn[];
  accepts: (cells: string[]) => boolean;
  /** The indicator id for a row, or null when its indicator cell is not in the map (row skipped). */
  indicatorOf: (cells: string[]) => string | null;
  /** The row's period, or an InvalidPeriod finding; null when the period comes from the header. */
  periodOf: ((cells: string[], line: number) => string | ImportIssue) | null;
  statusOf: (cells: string[], line: number) => Status;
  numerator: number | null;
  denominator: number | null;
}

export interface CompiledSources {
  sources: ValueSource[];
  /** Findings about the header itself (a period in a column name that cannot be read). */
  issues: ImportIssue[];
  /** Findings collected while rows are read (unknown quality codes). */
  lateIssues: () => ImportIssue[];
}

export function compileSources(table: Table, mapping: TableMapping, lookup: ColumnLookup): CompiledSources {
  const headerIssues: ImportIssue[] = [];
  if (mapping.layout === 'long') {
    const quality = qualityReader(table, mapping.quality, lookup);
    const source: ValueSource = {
      ...rowParts(table, mapping.indicator, mapping.period, mapping.filter, lookup),
      columns: [
        {
          index: lookup.index(mapping.value.column, 'value'),
          name: mapping.value.column,
          headerPeriod: null,
        },
      ],
      statusOf: quality.statusOf,
      numerator: mapping.numerator ? lookup.index(mapping.numerator.column, 'numerator') : null,
      denominator: mapping.denominator ? lookup.index(mapping.denominator.column, 'denominator') : null,
    };
    return { sources: [source], issues: headerIssues, lateIssues: quality.issues };
  }
  const sources = mapping.values.map((entry) => wideSource(table, entry, lookup, headerIssues));
  return { sources, issues: headerIssues, lateIssues: () => [] };
}

function wideSource(
  table: Table,
  entry: WideValueSpec,
  lookup: ColumnLookup,
  issues: ImportIssue[],
): ValueSource {
  const matched = lookup.matching(new RegExp(entry.columns), 'values.columns', entry.optional === true);
  const columns: ValueColumn[] = [];
  for (const { index, name, match } of matched) {
    if (entry.period !== undefined) {
      columns.push({ index, name, headerPeriod: null });
      continue;
    }
    // Without a period spec, the named group must deliver one (it may not take part in an optional match).
    const group = match.groups?.period ?? '';
    const headerPeriod = normalizePeriod(group);
    if (headerPeriod === null) issues.push(headerPeriodIssue(table.file, name, group));
    else columns.push({ index, name, headerPeriod });
  }
  return {
    ...rowParts(table, entry.indicator, entry.period, entry.filter, lookup),
    columns,
    statusOf: () => 'final',
    numerator: null,
    denominator: null,
  };
}

type RowParts = Pick<ValueSource, 'accepts' | 'indicatorOf' | 'periodOf'>;

function rowParts(
  table: Table,
  indicator: IndicatorSpec,
  period: PeriodSpec | undefined,
  filter: Record<string, string[]> | undefined,
  lookup: ColumnLookup,
): RowParts {
  return {
    accepts: rowFilter(filter, lookup),
    indicatorOf: indicatorReader(indicator, lookup),
    periodOf: period === undefined ? null : periodReader(table.file, period, lookup),
  };
}

function rowFilter(
  filter: Record<string, string[]> | undefined,
  lookup: ColumnLookup,
): ValueSource['accepts'] {
  if (filter === undefined) return () => true;
  const tests = Object.entries(filter).map(([name, allowed]) => ({
    index: lookup.index(name, 'filter'),
    allowed: new Set(allowed),
  }));
  return (cells) => tests.every(({ index, allowed }) => allowed.has((cells[index] ?? '').trim()));
}

function indicatorReader(spec: IndicatorSpec, lookup: ColumnLookup): ValueSource['indicatorOf'] {
  if (typeof spec === 'string') return () => spec;
  const index = lookup.index(spec.column, 'indicator');
  if (spec.map === undefined) return (cells) => (cells[index] ?? '').trim() || null;
  const map = new Map(Object.entries(spec.map));
  return (cells) => map.get((cells[index] ?? '').trim()) ?? null;
}

function periodReader(
  file: string,
  spec: PeriodSpec,
  lookup: ColumnLookup,
): NonNullable<ValueSource['periodOf']> {
  if ('value' in spec) {
    const fixed = normalizePeriod(spec.value) ?? spec.value;
    return () => fixed;
  }
  const index = lookup.index(spec.column, 'period');
  const cache = new Map<string, string | null>();
  return (cells, line) => {
    const raw = (cells[index] ?? '').trim();
    let period = cache.get(raw);
    if (period === undefined) {
      period = normalizePeriod(raw);
      cache.set(raw, period);
    }
    return period ?? rowPeriodIssue(file, line, spec.column, raw);
  };
}

function rowPeriodIssue(file: string, line: number, column: string, found: string): ImportIssue {
  return issue({
    code: 'InvalidPeriod',
    file,
    row: line,
    column,
    expected: 'a period like 2015, 2015-12, 2015-12-31 or 31.12.2015',
    found,
    message: `${file}, row ${line}, column "${column}": expected a period like 2015 or 31.12.2015, found "${found}"`,
  });
}

function headerPeriodIssue(file: string, column: string, found: string): ImportIssue {
  return issue({
    code: 'InvalidPeriod',
    file,
    column,
    expected: 'a period like 2015, 2015-12, 2015-12-31 or 31.12.2015',
    found,
    message: `${file}: the period "${found}" taken from column name "${column}" is not a recognisable period`,
  });
}
