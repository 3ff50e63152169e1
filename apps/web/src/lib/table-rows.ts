import type { AreaRow } from './area-rows.ts';
import type { TableSort } from '../state/view-state.ts';

/** Rows whose name or key contains the filter text. */
export function filterRows(rows: readonly AreaRow[], filter: string): AreaRow[] {
  const needle = filter.trim().toLocaleLowerCase('de');
  if (!needle) return [...rows];
  return rows.filter((r) => r.name.toLocaleLowerCase('de').includes(needle) || r.key.includes(needle));
}

/** Sorts by a column; areas without a value always come last. */
export function sortRows(rows: AreaRow[], sort: TableSort, l: 'de' | 'en'): AreaRow[] {
  const collator = new Intl.Collator(l === 'de' ? 'de-DE' : 'en-GB', { numeric: true });
  const dir = sort.direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    if (sort.column === 'value') {
      if (a.value === null || b.value === null)
        return a.value === b.value ? collator.compare(a.name, b.name) : a.value === null ? 1 : -1;
      return (a.value - b.value) * dir || collator.compare(a.name, b.name);
    }
    const x = sort.column === 'name' ? a.name : a.key;
    const y = sort.column === 'name' ? b.name : b.key;
    return collator.compare(x, y) * dir || a.key.localeCompare(b.key);
  });
}
