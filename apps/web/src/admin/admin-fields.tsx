import type { ComponentChildren } from 'preact';

/** A labelled input with its hint and the server's complaint about it, linked for screen readers. */
export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'password' | 'number' | 'date' | 'search';
  required?: boolean;
  autocomplete?: string;
  inputMode?: 'numeric' | 'text';
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onInput, error, hint, type = 'text', required, autocomplete } = props;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="adm-field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="adm-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        autocomplete={autocomplete}
        inputMode={props.inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
}

export function SelectField({ id, label, value, onChange, options, error }: SelectFieldProps) {
  return (
    <div class="adm-field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p class="adm-field-error" id={id}>
      {message}
    </p>
  );
}

/** What just happened (role status) or went wrong (role alert), above the section's content. */
export function Notice({ kind, children }: { kind: 'ok' | 'error'; children: ComponentChildren }) {
  return (
    <p class={`adm-notice adm-notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
