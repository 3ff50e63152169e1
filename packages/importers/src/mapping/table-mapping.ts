import type { ImportIssue, PlannedObservation, Table } from '@lagebild/core';
import { areaKeyResolver } from './area-key.ts';
import type { AreaKeyResolver } from './area-key.ts';
import { ColumnLookup } from './column-lookup.ts';
import type { TableMapping } from './mapping.schema.ts';
import { ObservationCollector } from './observation-collector.ts';
import { ValueReader } from './value-cell.ts';
import { compileSources } from './value-sources.ts';
import type { ValueColumn, ValueSource } from './value-sources.ts';

/**
 * Applies a table mapping: every value cell of every kept row becomes one planned observation.
 * Symbols (`-`, `.`, …) become missing values with a reason, never 0; totals are never added to
 * their parts. Rows left out on purpose (by `keep`, a filter, or an indicator value not in the map)
 * are counted in `skippedRows`, not reported one by one.
 */
export interface MapContext {
  /** Kreis key → Gemeinde key of the kreisfreien Städte; needed for `area.kreisfreiToGemeinde`. */
  kreisfreieStaedte?: ReadonlyMap<string, string>;
}

export interface MapResult {
  observations: PlannedObservation[];
  issues: ImportIssue[];
  skippedRows: number;
}

export function mapTable(table: Table, mapping: TableMapping, context: MapContext = {}): MapResult {
  const lookup = new ColumnLookup(table);
  const areaIndex = lookup.index(mapping.area.column, 'area');
  const compiled = compileSources(table, mapping, lookup);
  const stoppers = [...lookup.issues(), ...compiled.issues];
  if (lookup.issues().length > 0) return { observations: [], issues: stoppers, skippedRows: 0 };

  const resolveArea = areaKeyResolver(mapping.area, {
    file: table.file,
    column: mapping.area.column,
    kreisfreieStaedte: context.kreisfreieStaedte,
  });
  const collector = new ObservationCollector(table.file);
  const values = new ValueReader(table, mapping.decimal);
  const tools: RowTools = {
    levelId: mapping.level,
    areaIndex,
    resolveArea,
    sources: compiled.sources,
    collector,
    values,
  };
  let skippedRows = 0;
  for (const row of table.rows) {
    const before = collector.size();
    mapRow(row.cells, row.line, tools);
    if (collector.size() === before) skippedRows++;
  }
  const issues = [...stoppers, ...collector.issues, ...values.emptyCellIssues(), ...compiled.lateIssues()];
  return { observations: collector.observations, issues, skippedRows };
}

interface RowTools {
  levelId: string;
  areaIndex: number;
  resolveArea: AreaKeyResolver;
  sources: ValueSource[];
  collector: ObservationCollector;
  values: ValueReader;
}

function mapRow(cells: string[], line: number, tools: RowTools): void {
  const area = tools.resolveArea(cells[tools.areaIndex] ?? '', line);
  if (area.kind === 'skip') return;
  if (area.kind === 'error') return tools.collector.fail(area.issue);
  for (const source of tools.sources) {
    if (!source.accepts(cells)) continue;
    const indicatorId = source.indicatorOf(cells);
    if (indicatorId === null) continue;
    const rowPeriod = source.periodOf ? source.periodOf(cells, line) : null;
    if (rowPeriod !== null && typeof rowPeriod !== 'string') {
      tools.collector.fail(rowPeriod);
      continue;
    }
    const target: CellTarget = { source, indicatorId, areaKey: area.key, rowPeriod };
    for (const column of source.columns) {
      const observation = readCell(cells, line, column, target, tools);
      if (observation !== null) tools.collector.add(observation);
    }
  }
}

/** What a row and a value source fix for all value cells of that row. */
interface CellTarget {
  source: ValueSource;
  indicatorId: string;
  areaKey: string;
  /** Null when each column carries its own period in the header. */
  rowPeriod: string | null;
}

/** One cell's observation; null when a finding was recorded instead. */
function readCell(
  cells: string[],
  line: number,
  column: ValueColumn,
  target: CellTarget,
  tools: RowTools,
): PlannedObservation | null {
  const { source } = target;
  const reading = tools.values.read(cells, column.index, line);
  if (reading.kind === 'invalid') return fail(tools, reading.issue);
  const numerator = tools.values.readOptional(cells, source.numerator, line);
  if (typeof numerator === 'object' && numerator !== null) return fail(tools, numerator);
  const denominator = tools.values.readOptional(cells, source.denominator, line);
  if (typeof denominator === 'object' && denominator !== null) return fail(tools, denominator);
  const missing = reading.kind === 'missing';
  return {
    indicatorId: target.indicatorId,
    levelId: tools.levelId,
    areaKey: target.areaKey,
    period: target.rowPeriod ?? column.headerPeriod!,
    value: missing ? null : reading.value,
    numerator,
    denominator,
    status: missing ? 'missing' : source.statusOf(cells, line),
    missingReason: missing ? reading.reason : null,
    row: line,
    column: column.name,
  };
}

function fail(tools: RowTools, finding: ImportIssue): null {
  tools.collector.fail(finding);
  return null;
}
