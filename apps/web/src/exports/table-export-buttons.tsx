import { useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/i18n.ts';
import { currentIndicator, effectivePeriod } from '../state/data.ts';
import { lang, t, viewState } from '../state/store.ts';
import { dispositionFileName, downloadBlob } from './download.ts';

type ServerFormat = 'xlsx' | 'geojson';

const LABELS: Record<ServerFormat, { label: MessageKey; title: MessageKey }> = {
  xlsx: { label: 'exports.xlsx', title: 'exports.xlsxTitle' },
  geojson: { label: 'exports.geojson', title: 'exports.geojsonTitle' },
};

/**
 * XLSX and GeoJSON of exactly the rows of the table (selection, filter and order), written by the
 * server's export route: the same writers as `lagebild export`, with full-resolution geometry.
 */
export function TableExportButtons({ disabled }: { disabled: boolean }) {
  const [busy, setBusy] = useState<ServerFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const indicator = currentIndicator.value;

  const download = async (format: ServerFormat) => {
    const url = exportUrl(format);
    if (!url) return;
    setBusy(format);
    setError(null);
    try {
      const response = await fetch(url);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `HTTP ${response.status}`);
      }
      const name = dispositionFileName(response.headers.get('content-disposition')) ?? `lagebild.${format}`;
      downloadBlob(await response.blob(), name);
    } catch (e) {
      setError(t('exports.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {(['xlsx', 'geojson'] as const).map((format) => (
        <button
          key={format}
          type="button"
          class="secondary"
          title={t(LABELS[format].title)}
          onClick={() => void download(format)}
          disabled={disabled || !indicator || busy !== null}
          aria-busy={busy === format}
        >
          {busy === format ? t('exports.busy') : t(LABELS[format].label)}
        </button>
      ))}
      {error && (
        <p role="alert" class="notice export-error">
          {error}
        </p>
      )}
    </>
  );
}

/** The export route for the table as shown: indicator, level, parent, period, filter, sort, language. */
function exportUrl(format: ServerFormat): string | null {
  const view = viewState.value;
  const period = effectivePeriod.value;
  if (!view.indicator) return null;
  const query = new URLSearchParams({ level: view.level, format, locale: lang.value });
  if (period) query.set('period', period);
  if (view.parent) query.set('parent', view.parent);
  if (view.filter.trim()) query.set('filter', view.filter);
  query.set('sort', view.sort.column);
  query.set('direction', view.sort.direction);
  return `/api/v1/indicators/${encodeURIComponent(view.indicator)}/export?${query}`;
}
