import type { AreaRow } from '../lib/area-rows.ts';
import { localName } from '../i18n/i18n.ts';
import { exportFileName, tableCsv } from '../lib/table-export.ts';
import { currentIndicator, currentLevel, effectivePeriod, parentAreas } from '../state/data.ts';
import { lang, t, viewState } from '../state/store.ts';

/** Downloads the table as it is shown (filtered and sorted) as CSV for German Excel. */
export function CsvExportButton({ rows }: { rows: readonly AreaRow[] }) {
  const download = () => {
    const indicator = currentIndicator.value;
    const level = currentLevel.value;
    const l = lang.value;
    const { parent } = viewState.value;
    const parentName = parent
      ? (parentAreas.state.value.data?.features.find((f) => f.properties.key === parent)?.properties.name ??
        parent)
      : null;
    const csv = tableCsv({
      indicator,
      levelName: level ? localName(l, level) : viewState.value.level,
      parentName,
      period: effectivePeriod.value,
      rows,
      lang: l,
      t,
      now: new Date(),
    });
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(
      indicator?.id ?? null,
      viewState.value.level,
      effectivePeriod.value,
      'csv',
    );
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button
      type="button"
      class="secondary"
      title={t('export.csvTitle')}
      onClick={download}
      disabled={rows.length === 0}
    >
      {t('export.csv')}
    </button>
  );
}
