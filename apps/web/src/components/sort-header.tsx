import type { SortColumn, TableSort } from '../state/view-state.ts';
import { updateView } from '../state/store.ts';

/** A column header that sorts the table; aria-sort tells screen readers the current order. */
export function SortHeader({
  column,
  label,
  sort,
  numeric,
}: {
  column: SortColumn;
  label: string;
  sort: TableSort;
  numeric?: boolean;
}) {
  const active = sort.column === column;
  const next: TableSort = { column, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <th
      scope="col"
      class={numeric ? 'num' : undefined}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" class="sort" data-column={column} onClick={() => updateView({ sort: next })}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}
        </span>
      </button>
    </th>
  );
}
