import type { AreaRow } from '../lib/area-rows.ts';
import { t } from '../state/store.ts';

/** Why an area has no value, in words. */
export function reasonLabel(row: AreaRow): string {
  if (row.status === 'nodata') return t('status.nodata');
  return t(row.missingReason ? `reason.${row.missingReason}` : 'reason.none');
}
