import { levelById } from '../state/data.ts';
import { lang, t } from '../state/store.ts';
import { compareCsv, compareFileName } from './compare-csv.ts';
import type { CompareAreasResponse } from './compare-types.ts';

/** Downloads the comparison as CSV for German Excel, with sources and the date of the export. */
export function CompareCsvButton({ data }: { data: CompareAreasResponse }) {
  const download = () => {
    const csv = compareCsv({ data, levels: levelById.value, lang: lang.value, t, now: new Date() });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = compareFileName(data);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" class="secondary" title={t('compare.csvTitle')} onClick={download}>
      {t('compare.csv')}
    </button>
  );
}
