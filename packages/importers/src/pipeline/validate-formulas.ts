import {
  buildDerivedGraph,
  isDomainError,
  issue,
  parseFormula,
  type ImportIssue,
  type ImportPlan,
  type IndicatorDefinition,
} from '@lagebild/core';

/**
 * The catalogue as it would be after the import: stored definitions, replaced by the plan's own
 * (a definition without `formula` makes a derived indicator a stored one again). id → formula.
 */
export function formulasAfterImport(
  plan: ImportPlan,
  stored: readonly IndicatorDefinition[],
): Map<string, string | null> {
  const formulas = new Map(stored.map((i) => [i.id, i.formula] as const));
  for (const indicator of plan.indicators) formulas.set(indicator.id, indicator.formula ?? null);
  return formulas;
}

/**
 * Checks every formula of the catalogue the import would leave behind: each must parse, refer only to
 * indicators of the catalogue, and the derived indicators must not form a cycle. A formula problem
 * concerns the catalogue as a whole, so its findings have no row and refuse the import.
 */
export function validateFormulas(
  plan: ImportPlan,
  formulas: ReadonlyMap<string, string | null>,
): ImportIssue[] {
  if (plan.indicators.length === 0) return [];
  const issues: ImportIssue[] = [];
  const file = plan.source.file;
  const parsed: { id: string; formula: string }[] = [];
  for (const [id, formula] of formulas) {
    if (formula === null) continue;
    let references: string[];
    try {
      references = parseFormula(formula).references;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      issues.push(
        issue({
          code: 'InvalidFormula',
          file,
          column: 'formula',
          message: `Indicator "${id}": ${error.message}.`,
          expected: 'a formula over indicator ids with + - * / ^, parentheses, min, max, sum, abs, round',
          found: formula,
        }),
      );
      continue;
    }
    const unknown = references.filter((ref) => !formulas.has(ref));
    for (const ref of unknown)
      issues.push(
        issue({
          code: 'UnknownIndicator',
          file,
          column: 'formula',
          message: `The formula of indicator "${id}" ("${formula}") refers to "${ref}", which is not in the catalogue.`,
          expected: 'an indicator id from the catalogue',
          found: ref,
        }),
      );
    if (unknown.length === 0) parsed.push({ id, formula });
  }
  try {
    buildDerivedGraph(parsed, formulas.keys());
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const cycle = (error.details as { cycle?: string[] } | undefined)?.cycle;
    issues.push(
      issue({
        code: 'InvalidFormula',
        file,
        column: 'formula',
        message: `${error.message}; a derived indicator cannot depend on itself.`,
        expected: 'derived indicators without cycles',
        found: cycle ? cycle.join(' → ') : null,
      }),
    );
  }
  return issues;
}
