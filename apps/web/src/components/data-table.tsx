import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { localName } from '../i18n/i18n.ts';
import { formatNumber, formatPublishedPeriod } from '../lib/format.ts';
import { filterRows, sortRows } from '../lib/table-rows.ts';
import { atlasModel } from '../state/atlas-model.ts';
import { currentIndicator, currentLevel, effectivePeriod, pooledFrom } from '../state/data.ts';
import { lang, selectedKeys, t, updateView, viewState } from '../state/store.ts';
import { TableExportButtons } from '../exports/table-export-buttons.tsx';
import { CsvExportButton } from './csv-export-button.tsx';
import { SortHeader } from './sort-header.tsx';
import { TableRow } from './table-row.tsx';

const PAGE_SIZE = 100;

/** The same rows as the map: sortable, filterable, paged, linked to the map's selection. */
export function DataTable() {
  const model = atlasModel.value;
  const { sort, filter } = viewState.value;
  const indicator = currentIndicator.value;
  const level = currentLevel.value;
  const period = effectivePeriod.value;
  const l = lang.value;
  const rows = useMemo(
    () => sortRows(filterRows(model.rows, filter), sort, l),
    [model.rows, filter, sort, l],
  );
  const [page, setPage] = useState(0);
  const selected = selectedKeys.value;
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => setPage(0), [model.key, filter, sort]);
  // A selection made on the map opens the page that holds the area and scrolls to it.
  useEffect(() => {
    const focus = selected.at(-1);
    if (!focus) return;
    const at = rows.findIndex((r) => r.key === focus);
    if (at >= 0) setPage(Math.floor(at / PAGE_SIZE));
  }, [selected, rows]);
  useEffect(() => {
    const focus = selected.at(-1);
    const box = scroller.current;
    const row = focus ? box?.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(focus)}"]`) : null;
    if (box && row) scrollWithin(box, row);
  }, [selected, page]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const levelName = level ? localName(l, level) : viewState.value.level;
  const caption = indicator
    ? t('table.caption', {
        indicator: localName(l, indicator),
        level: levelName,
        period: period ? formatPublishedPeriod(period, pooledFrom.value, l) : '',
      })
    : t('table.captionEmpty', { level: levelName });
  const from = rows.length === 0 ? 0 : current * PAGE_SIZE + 1;
  const to = current * PAGE_SIZE + shown.length;
  const fmt = (n: number) => formatNumber(n, 0, l);
  const rangeText =
    rows.length === model.rows.length
      ? t('table.rows', { from: fmt(from), to: fmt(to), count: fmt(rows.length) })
      : t('table.rowsFiltered', {
          from: fmt(from),
          to: fmt(to),
          count: fmt(rows.length),
          total: fmt(model.rows.length),
        });

  return (
    <section class="table-panel" aria-labelledby="table-heading">
      <div class="table-toolbar">
        <h3 id="table-heading">{t('table.title')}</h3>
        <div class="field inline-field">
          <label for="table-filter">{t('table.filter')}</label>
          <input
            id="table-filter"
            type="search"
            value={filter}
            placeholder={t('table.filterPlaceholder')}
            onInput={(e) => updateView({ filter: e.currentTarget.value })}
          />
        </div>
        <CsvExportButton rows={rows} />
        <TableExportButtons disabled={rows.length === 0} />
      </div>
      <p class="table-range" role="status">
        {rangeText}
      </p>
      <div
        class="table-scroll"
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={t('table.scroll', { caption })}
      >
        <table class="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <SortHeader column="name" label={t('table.name')} sort={sort} />
              <SortHeader column="key" label={t('table.key')} sort={sort} />
              {indicator && (
                <SortHeader
                  column="value"
                  label={indicator.unit ? t('table.value', { unit: indicator.unit }) : t('table.valueNoUnit')}
                  sort={sort}
                  numeric
                />
              )}
              {indicator && <th scope="col">{t('table.status')}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <TableRow
                key={row.key}
                row={row}
                selected={selected.includes(row.key)}
                decimals={indicator?.decimals ?? 0}
                withValue={!!indicator}
              />
            ))}
          </tbody>
        </table>
        {model.status === 'ready' && rows.length === 0 && <p class="muted">{t('table.noRows')}</p>}
      </div>
      {pages > 1 && (
        <div class="pager">
          <button
            type="button"
            class="secondary"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('table.previous')}
          </button>
          <span>
            {current + 1} / {pages}
          </span>
          <button
            type="button"
            class="secondary"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('table.next')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Scrolls only the table's own box (never the page) so the row is visible below the sticky header. */
function scrollWithin(box: HTMLElement, row: HTMLElement): void {
  const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const offset = row.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  const top = offset - header;
  const bottom = offset + row.offsetHeight - box.clientHeight;
  if (box.scrollTop > top) box.scrollTop = top;
  else if (box.scrollTop < bottom) box.scrollTop = bottom;
}
