import type { TableRow } from '@lagebild/core';

/**
 * The stub columns of a classic GENESIS table have no header; we name them by what they hold:
 * `time` (dates, years), `key` (region keys: DG, 01, 01001, 01001000), `name` (the text right after
 * the key: the indented region name), other text columns `label1`, `label2` … (e.g. the age group).
 */
const TIME = /^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}(-\d{2}(-\d{2})?)?)$/;
const REGION_KEY = /^(DG|\d{2,12})$/;
const SAMPLE_ROWS = 500;

type StubKind = 'time' | 'key' | 'text';

export function nameStubColumns(rows: TableRow[], stubCount: number): string[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  const kinds = Array.from({ length: stubCount }, (_, j) => classify(sample.map((r) => r.cells[j] ?? '')));
  let labels = 0;
  return kinds.map((kind, j) => {
    if (kind !== 'text') return kind;
    if (j > 0 && kinds[j - 1] === 'key') return 'name';
    labels++;
    return `label${labels}`;
  });
}

function classify(values: string[]): StubKind {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'text';
  if (present.every((v) => TIME.test(v))) return 'time';
  if (present.every((v) => REGION_KEY.test(v))) return 'key';
  return 'text';
}
