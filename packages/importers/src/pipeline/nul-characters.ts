import { issue, type ImportIssue, type ImportPlan } from '@lagebild/core';

/**
 * Removes NUL characters from every text of a plan and reports where the first one was. PostgreSQL
 * cannot store NUL in text (SQLite can), so a file carrying one would fail deep in the store on one
 * engine only; instead the import is refused on both with a message naming the place, and the dry
 * run can still show its diff from the cleaned plan.
 */
export function stripNulCharacters(plan: ImportPlan): ImportIssue | null {
  let first: string | null = null;
  let count = 0;
  const visit = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      if (!value.includes('\u0000')) return value;
      count += 1;
      first ??= path;
      return value.replaceAll('\u0000', '');
    }
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const cleaned = visit(record[key], `${path}.${key}`);
      if (cleaned !== record[key]) record[key] = cleaned;
    }
    return value;
  };
  visit(plan, 'import');
  if (first === null) return null;
  return issue({
    code: 'Unreadable',
    file: plan.source.file,
    expected: 'text without NUL characters',
    found: `${count} text(s) with NUL, first at ${first}`,
    message: `${plan.source.file}: ${count} text(s) contain a NUL character (\\u0000), first at ${first}; remove them from the file.`,
  });
}
