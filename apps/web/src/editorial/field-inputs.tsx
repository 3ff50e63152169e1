import type { JSX } from 'preact';
import type { T } from './editorial-app.tsx';
import type { EditorialKey } from './editorial.i18n.ts';
import { FIELDS, type Field, type Fields } from './editorial-types.ts';

const NUMBERS: Field[] = ['capacity', 'freePlaces'];
const DATES: Field[] = ['freePlacesDate', 'validFrom', 'validTo'];
const LONG: Field[] = ['description', 'openingHours', 'costs'];

/**
 * One labelled form field with its server error below it (linked by aria-describedby, marked
 * aria-invalid): the edit form and the new-entry form use the same fields.
 */
export function LabelledField(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (common: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => JSX.Element;
}) {
  const { id, error, hint } = props;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="ed-field">
      <label for={id}>{props.label}</label>
      {hint && (
        <p id={`${id}-hint`} class="ed-hint">
          {hint}
        </p>
      )}
      {props.children({
        id,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': described || undefined,
      })}
      {error && (
        <p id={`${id}-error`} class="ed-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Every editable field of an entry, as inputs of the right type. */
export function EditableFields(props: {
  t: T;
  idPrefix: string;
  values: Record<Field, string>;
  errors: Partial<Record<string, string>>;
  onChange: (values: Record<Field, string>) => void;
}) {
  const { t, values, errors } = props;
  return (
    <>
      {FIELDS.map((field) => (
        <LabelledField
          key={field}
          id={`${props.idPrefix}-${field}`}
          label={t(`f_${field}` as EditorialKey)}
          error={errors[field]}
        >
          {(common) => {
            const input = {
              ...common,
              name: field,
              value: values[field],
              onInput: (e: Event) =>
                props.onChange({ ...values, [field]: (e.target as HTMLInputElement).value }),
            };
            return LONG.includes(field) ? (
              <textarea {...input} rows={3} />
            ) : (
              <input
                {...input}
                type={
                  NUMBERS.includes(field)
                    ? 'number'
                    : DATES.includes(field)
                      ? 'date'
                      : field === 'email'
                        ? 'email'
                        : 'text'
                }
                min={NUMBERS.includes(field) ? 0 : undefined}
              />
            );
          }}
        </LabelledField>
      ))}
    </>
  );
}

/** The fields as the inputs show them. */
export function toInputs(fields: Fields | null): Record<Field, string> {
  const out = {} as Record<Field, string>;
  for (const field of FIELDS) {
    const value = fields?.[field] ?? null;
    out[field] = Array.isArray(value) ? value.join(', ') : value === null ? '' : String(value);
  }
  return out;
}

/** The typed value of one field as the API takes it. */
export function typedValue(field: Field, input: string): unknown {
  const raw = input.trim();
  if (NUMBERS.includes(field)) return raw === '' ? null : Number(raw);
  if (field === 'languages')
    return raw
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
  if (field === 'name') return raw;
  return raw === '' ? null : raw;
}

/** The server's field errors (`details.fields`) by field, or null when it sent none. */
export function fieldErrors(details: unknown): Record<string, string> | null {
  const fields = (details as { fields?: { field: string; message: string }[] } | null)?.fields;
  return fields ? Object.fromEntries(fields.map((f) => [f.field, f.message])) : null;
}
