import type { AreaRow } from '../lib/area-rows.ts';
import { formatNumber } from '../lib/format.ts';
import { selectArea } from '../state/actions.ts';
import { areaStyles } from '../state/atlas-model.ts';
import { hoverKey, lang, requestZoom, t } from '../state/store.ts';
import { reasonLabel } from './reason-label.ts';

/** One area in the table: its name selects it (and shows it on the map), hovering highlights it there. */
export function TableRow({
  row,
  selected,
  decimals,
  withValue,
}: {
  row: AreaRow;
  selected: boolean;
  decimals: number;
  withValue: boolean;
}) {
  const style = areaStyles.value.get(row.key);
  const l = lang.value;
  return (
    <tr
      data-key={row.key}
      class={selected ? 'selected' : undefined}
      onMouseEnter={() => (hoverKey.value = row.key)}
      onMouseLeave={() => (hoverKey.value = null)}
    >
      <th scope="row">
        <button
          type="button"
          class="row-select"
          aria-pressed={selected}
          onClick={() => {
            selectArea(row.key, true);
            if (!selected) requestZoom([row.key]);
          }}
        >
          {row.name}
        </button>
      </th>
      <td class="key">{row.key}</td>
      {withValue && (
        <td class="num" data-value={row.value ?? ''}>
          {row.value !== null ? (
            <>
              <span
                class="swatch inline"
                style={{ background: style?.fill ?? undefined }}
                aria-hidden="true"
              />
              {formatNumber(row.value, decimals, l)}
            </>
          ) : (
            <>
              <span class={`swatch inline swatch-${style?.missing ?? 'missing'}`} aria-hidden="true" />
              <span class="muted">–</span>
            </>
          )}
        </td>
      )}
      {withValue && (
        <td class="status">
          {row.value === null ? reasonLabel(row) : row.status === 'final' ? '' : t(`status.${row.status}`)}
        </td>
      )}
    </tr>
  );
}
