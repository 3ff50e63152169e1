import { formatNumber } from '../lib/format.ts';
import { rowByKey } from '../state/atlas-model.ts';
import { currentIndicator } from '../state/data.ts';
import { lang } from '../state/store.ts';
import { reasonLabel } from './reason-label.ts';

export interface Tip {
  key: string;
  x: number;
  y: number;
}

/** Name, key and value (or why there is none) next to the pointer; the details panel has the same. */
export function MapTooltip({ tip }: { tip: Tip }) {
  const row = rowByKey.value.get(tip.key);
  const indicator = currentIndicator.value;
  if (!row) return null;
  const value =
    row.value !== null && indicator
      ? `${formatNumber(row.value, indicator.decimals, lang.value)} ${indicator.unit}`
      : indicator
        ? reasonLabel(row)
        : null;
  return (
    <div class="map-tooltip" style={{ left: `${tip.x + 14}px`, top: `${tip.y + 14}px` }} aria-hidden="true">
      <strong>{row.name}</strong>
      <span class="muted"> {row.key}</span>
      {value && <div>{value}</div>}
    </div>
  );
}
