import type { CrossClassDefinition, IndexClass } from './definition.ts';
import type { IndexResult } from './compute-index.ts';
import { integer, invalid, list, optionalText, record, text } from './validate.ts';

const PLACEHOLDER = /\{(\w+)\.(code|symbol|label)\}/g;

/** Reads a cross-class definition (the MSS Gesamtindex), checking that its templates name its parts. */
export function parseCrossClassDefinition(raw: unknown): CrossClassDefinition {
  const d = record(raw, '', ['id', 'version', 'name', 'description', 'parts', 'code', 'number', 'label']);
  const parts = list(d.parts, 'parts', 2).map((p, i) => {
    const part = record(p, `parts[${i}]`, ['name', 'index']);
    return { name: text(part.name, `parts[${i}].name`), index: text(part.index, `parts[${i}].index`) };
  });
  const names = new Set(parts.map((p) => p.name));
  const template = (key: 'code' | 'number' | 'label', value: unknown) => {
    const t = text(value, key);
    const rest = t.replace(PLACEHOLDER, (whole, part: string) => (names.has(part) ? '' : whole));
    if (/[{}]/.test(rest)) {
      throw invalid(key, `a template of {Part.code|symbol|label} with parts ${[...names].join(', ')}`, t);
    }
    return t;
  };
  return {
    id: text(d.id, 'id'),
    version: integer(d.version, 'version', 1),
    name: text(d.name, 'name'),
    description: optionalText(d.description, 'description'),
    parts,
    code: template('code', d.code),
    number: d.number === undefined ? null : template('number', d.number),
    label: template('label', d.label),
  };
}

export interface CrossClass {
  key: string;
  /** e.g. `2+/-`; null when a part has no class for the area. */
  code: string | null;
  /** e.g. 23 (the `number` template read as a number). */
  number: number | null;
  label: string | null;
}

/** Combines the classes of the parts' results per area key (areas in the first part's order). */
export function crossClasses(
  definition: CrossClassDefinition,
  results: Record<string, IndexResult>,
): CrossClass[] {
  const byPart = definition.parts.map((part) => {
    const result = results[part.name];
    if (!result) throw invalid(`results.${part.name}`, `the result of ${part.index}`, undefined);
    return [part.name, new Map(result.areas.map((a) => [a.key, a.class]))] as const;
  });
  const keys = [...byPart[0]![1].keys()];
  return keys.map((key) => {
    const classes = new Map(byPart.map(([name, map]) => [name, map.get(key) ?? null]));
    if ([...classes.values()].some((c) => c === null)) return { key, code: null, number: null, label: null };
    const fill = (template: string) =>
      template.replace(PLACEHOLDER, (_, part: string, field: keyof Omit<IndexClass, 'interval'>) =>
        String(classes.get(part)![field]),
      );
    return {
      key,
      code: fill(definition.code),
      number: definition.number === null ? null : Number(fill(definition.number)),
      label: fill(definition.label),
    };
  });
}
