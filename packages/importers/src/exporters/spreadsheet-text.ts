/**
 * Text that a spreadsheet would run as a formula when the CSV is opened (`=HYPERLINK(...)`, `+`, `-`,
 * `@`, and tab or carriage return before them) gets a leading apostrophe, as OWASP advises for CSV
 * injection. Numbers are written as numbers and never pass through here, so negative values stay
 * numeric; a phone number like `+49 …` shows the apostrophe, which Excel would otherwise evaluate.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
