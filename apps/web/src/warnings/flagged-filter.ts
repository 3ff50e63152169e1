import type { FlaggedArea } from './warning-types.ts';

export interface WarningFilter {
  rule: string;
  level: string;
}

/** The flagged areas a filter keeps, each with only the reasons of the kept rule; most reasons first. */
export function filterFlagged(flagged: readonly FlaggedArea[], filter: WarningFilter): FlaggedArea[] {
  const kept: FlaggedArea[] = [];
  for (const area of flagged) {
    if (filter.level !== '' && area.level !== filter.level) continue;
    const reasons = filter.rule === '' ? area.reasons : area.reasons.filter((r) => r.ruleId === filter.rule);
    if (reasons.length > 0) kept.push({ ...area, reasons });
  }
  return kept.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      a.level.localeCompare(b.level) ||
      (a.name ?? a.key).localeCompare(b.name ?? b.key, 'de'),
  );
}
