import { appendAll } from '@lagebild/core';
import type { ImportIssue, ImportReport } from '@lagebild/core';
import { describeIssue } from '@lagebild/importers';

const MAX_LISTED = 20;

/** A report as people read it: what would change, then problems grouped by kind with examples. */
export function formatReport(report: ImportReport, title: string): string {
  const lines = [
    `${title}: ${report.file} (${report.format}${report.encoding ? `, ${report.encoding}` : ''})`,
  ];
  lines.push(report.dryRun ? '  dry run: nothing was written' : `  applied as batch ${report.batchId}`);
  for (const [entity, counts] of Object.entries(report.diff)) {
    if (counts.inserted + counts.updated + counts.unchanged === 0) continue;
    lines.push(
      `  ${entity.padEnd(16)} ${counts.inserted} new, ${counts.updated} changed, ${counts.unchanged} unchanged`,
    );
  }
  if (report.excludedRows > 0) lines.push(`  ${report.excludedRows} row(s) left out (accepted exclusions)`);
  appendAll(lines, formatIssues(report.issues));
  return lines.join('\n');
}

function formatIssues(issues: ImportIssue[]): string[] {
  if (issues.length === 0) return [];
  const byCode = new Map<string, ImportIssue[]>();
  for (const i of issues)
    byCode.set(`${i.severity} ${i.code}`, [...(byCode.get(`${i.severity} ${i.code}`) ?? []), i]);
  const lines: string[] = [];
  for (const [code, list] of byCode) {
    lines.push(`  ${list.length} × ${code}`);
    for (const i of list.slice(0, MAX_LISTED)) lines.push(`    ${describeIssue(i)}`);
    if (list.length > MAX_LISTED)
      lines.push(`    … and ${list.length - MAX_LISTED} more (use --json for all)`);
  }
  return lines;
}
