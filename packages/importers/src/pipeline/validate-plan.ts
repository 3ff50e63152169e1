import { issue, type ImportIssue, type ImportPlan } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { formulasAfterImport, validateFormulas } from './validate-formulas.ts';

/**
 * Checks a plan against what the store already holds: every observation must name a known level, a
 * known area key (in any territorial version, or one the plan itself adds) and a known indicator
 * (stored, or declared with the import) that is not derived (computed by a formula). Formulas of the
 * resulting catalogue must parse, name known indicators and form no cycle. Findings name the source
 * row and column.
 */
export async function validatePlan(plan: ImportPlan, store: Store): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  const knownLevels = new Set((await store.listLevels()).map((l) => l.id));
  for (const level of plan.levels) knownLevels.add(level.id);
  const formulas = formulasAfterImport(plan, await store.listIndicators());
  const knownIndicators = new Set(formulas.keys());
  issues.push(...validateFormulas(plan, formulas));
  const reportedDerived = new Set<string>();

  const keysByLevel = await areaKeysByLevel(plan, store, knownLevels);
  const reportedLevels = new Set<string>();
  const reportedIndicators = new Set<string>();
  // A wide row holds many values of one area: its unknown key is reported once per row.
  const reportedAreas = new Set<string>();
  for (const obs of plan.observations) {
    if (!knownLevels.has(obs.levelId)) {
      if (!reportedLevels.has(obs.levelId)) {
        reportedLevels.add(obs.levelId);
        issues.push(
          issue({
            code: 'UnknownLevel',
            file: plan.source.file,
            message: `Spatial level "${obs.levelId}" does not exist; import its areas first.`,
            expected: 'an existing level id',
            found: obs.levelId,
          }),
        );
      }
      continue;
    }
    if (!knownIndicators.has(obs.indicatorId) && !reportedIndicators.has(obs.indicatorId)) {
      reportedIndicators.add(obs.indicatorId);
      issues.push(
        issue({
          code: 'UnknownIndicator',
          file: plan.source.file,
          row: obs.row,
          column: obs.column,
          message: `Indicator "${obs.indicatorId}" is not in the catalogue; declare it under "indicators" in the mapping.`,
          expected: 'an indicator id from the catalogue',
          found: obs.indicatorId,
        }),
      );
    }
    if (formulas.get(obs.indicatorId) && !reportedDerived.has(obs.indicatorId)) {
      reportedDerived.add(obs.indicatorId);
      issues.push(
        issue({
          code: 'DerivedIndicator',
          file: plan.source.file,
          row: obs.row,
          column: obs.column,
          message: `Indicator "${obs.indicatorId}" is derived (formula "${formulas.get(obs.indicatorId)}"); its values are computed, not imported.`,
          expected: 'an indicator without a formula',
          found: obs.indicatorId,
        }),
      );
    }
    const areaRow = `${obs.levelId}|${obs.areaKey}|${obs.row}`;
    if (!keysByLevel.get(obs.levelId)?.has(obs.areaKey) && !reportedAreas.has(areaRow)) {
      reportedAreas.add(areaRow);
      issues.push(
        issue({
          code: 'UnknownArea',
          file: plan.source.file,
          row: obs.row,
          column: plan.source.keyColumn ?? obs.column,
          message: `Area key "${obs.areaKey}" is not an area of level "${obs.levelId}".`,
          expected: `a key of level ${obs.levelId}`,
          found: obs.areaKey,
        }),
      );
    }
  }
  return issues;
}

async function areaKeysByLevel(
  plan: ImportPlan,
  store: Store,
  levels: Set<string>,
): Promise<Map<string, Set<string>>> {
  const needed = new Set(plan.observations.map((o) => o.levelId));
  const result = new Map<string, Set<string>>();
  for (const levelId of needed) {
    if (!levels.has(levelId)) continue;
    const keys = new Set(await store.listAreaKeys(levelId).catch(() => []));
    for (const area of plan.areas) if (area.levelId === levelId) keys.add(area.key);
    result.set(levelId, keys);
  }
  return result;
}
