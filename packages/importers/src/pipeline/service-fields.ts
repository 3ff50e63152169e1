import { issue, type ImportIssue } from '@lagebild/core';
import { parseNumber } from '../readers/german-number.ts';
import type { GeoProperties } from '../readers/geo-table.ts';
import type { DateField, TextField } from './services.schema.ts';

/** Reads mapped fields of one record, and collects findings naming file, row and property. */
export class FieldReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly file: string,
    private properties: GeoProperties = {},
    private row = 0,
  ) {}

  at(row: number, properties: GeoProperties): this {
    this.row = row;
    this.properties = properties;
    return this;
  }

  /** The property as trimmed text; null when absent or empty. */
  raw(property: string): string | null {
    const value = this.properties[property];
    if (value === null || value === undefined) return null;
    const text = String(value).trim();
    return text === '' ? null : text;
  }

  text(field: TextField | undefined): string | null {
    if (field === undefined) return null;
    if (typeof field === 'string') return this.raw(field);
    if ('value' in field) return field.value;
    if ('template' in field) return this.#template(field.template);
    const raw = this.raw(field.property);
    if (!field.values) return raw ?? field.default ?? null;
    if (raw !== null && raw in field.values) return field.values[raw] ?? null;
    return field.default !== undefined ? field.default : raw;
  }

  /** A count such as places: a whole or decimal number ≥ 0; anything else is a warning and null. */
  count(field: TextField | undefined, what: string): number | null {
    const text = this.text(field);
    if (text === null) return null;
    const parsed = parseNumber(text, 'auto');
    if (parsed.kind === 'value' && parsed.value >= 0) return parsed.value;
    if (parsed.kind === 'missing') return null;
    this.warn(
      'NotANumber',
      this.#column(field),
      'a number ≥ 0',
      text,
      `${what} is not a number; left empty.`,
    );
    return null;
  }

  /** ISO date, or a German date (31.12.2022) turned into one; anything else is a warning and null. */
  date(field: DateField | undefined, what: string): string | null {
    if (field === undefined) return null;
    if ('value' in field) return field.value;
    const text = this.raw(field.property);
    if (text === null) return null;
    const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    if (iso) return iso;
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (german) return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
    this.warn(
      'InvalidPeriod',
      field.property,
      'a date YYYY-MM-DD or DD.MM.YYYY',
      text,
      `${what} is not a date; left empty.`,
    );
    return null;
  }

  warn(
    code: ImportIssue['code'],
    column: string | null,
    expected: string,
    found: string,
    message: string,
  ): void {
    this.issues.push(
      issue({
        severity: 'warning',
        code,
        file: this.file,
        row: this.row,
        column,
        expected,
        found,
        message: `Record ${this.row}: ${message}`,
      }),
    );
  }

  error(
    code: ImportIssue['code'],
    column: string | null,
    expected: string,
    found: string | null,
    message: string,
  ): void {
    this.issues.push(
      issue({
        code,
        file: this.file,
        row: this.row,
        column,
        expected,
        found,
        message: `Record ${this.row}: ${message}`,
      }),
    );
  }

  #column(field: TextField | undefined): string | null {
    if (typeof field === 'string') return field;
    return field && 'property' in field ? field.property : null;
  }

  /** `{name}` placeholders; a `[…]` part is dropped when one of its placeholders is empty. */
  #template(template: string): string | null {
    const fill = (part: string) => {
      let empty = false;
      const text = part.replace(/\{([^{}]+)\}/g, (_, property: string) => {
        const value = this.raw(property);
        if (value === null) empty = true;
        return value ?? '';
      });
      return { text, empty };
    };
    const withOptional = template.replace(/\[([^[\]]*)\]/g, (_, part: string) => {
      const filled = fill(part);
      return filled.empty ? '' : filled.text;
    });
    const text = fill(withOptional).text.replace(/\s+/g, ' ').trim();
    return text === '' ? null : text;
  }
}

/** Property names a field reads, for the check that the source has them. */
export function propertiesOf(field: unknown): string[] {
  if (typeof field === 'string') return [field];
  if (field === null || typeof field !== 'object' || Array.isArray(field)) return [];
  const record = field as Record<string, unknown>;
  if (typeof record.property === 'string') return [record.property];
  if (typeof record.template === 'string')
    return [...record.template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
  return [];
}
