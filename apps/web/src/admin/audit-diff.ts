/** One changed field of an audit event, with its values as text ('' when absent). */
export interface DiffRow {
  field: string;
  before: string;
  after: string;
}

/**
 * The fields that differ between an audit event's before and after, for people: nested objects are
 * flattened to dotted paths (`minPopulation.threshold`), arrays and plain values shown as text. A
 * creation lists every field of `after`, a deletion every field of `before`.
 */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .map((field) => ({ field, before: a.get(field) ?? '', after: b.get(field) ?? '' }))
    .filter((row) => row.before !== row.after);
}

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value === null || value === undefined) {
    if (prefix) out.set(prefix, '');
    return out;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [key, v] of entries) flatten(v, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  out.set(prefix || 'value', show(value));
  return out;
}

function show(value: unknown): string {
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return String(value);
}
