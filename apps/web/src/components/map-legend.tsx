import type { AreaRow, MissingKind } from '../lib/area-rows.ts';
import { missingKind } from '../lib/area-rows.ts';
import { isDiverging } from '../lib/colour-schemes.ts';
import { formatNumber } from '../lib/format.ts';
import { atlasClasses, atlasModel } from '../state/atlas-model.ts';
import { currentIndicator } from '../state/data.ts';
import { lang, t } from '../state/store.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { reasonLabel } from './reason-label.ts';

/** Class limits with their colours and the number of areas in each; missing values by kind and reason. */
export function MapLegend() {
  const model = atlasModel.value;
  const result = atlasClasses.value;
  const indicator = currentIndicator.value;
  if (!indicator || model.status !== 'ready') return null;
  const l = lang.value;
  const d = indicator.decimals;
  const fmt = (v: number) => formatNumber(v, d, l);
  const c = result?.classification;
  const classItems =
    c && c.domain
      ? c.counts.map((count, i) => {
          const low = i === 0 ? c.domain![0] : c.breaks[i - 1]!;
          const high = i === c.breaks.length ? c.domain![1] : c.breaks[i]!;
          const label =
            fmt(low) === fmt(high) && i === 0
              ? fmt(low)
              : t(i === 0 ? 'legend.range' : 'legend.rangeAbove', { low: fmt(low), high: fmt(high) });
          return { colour: result!.colours[i]!, label, count };
        })
      : [];
  const missing = missingGroups(model.rows);
  return (
    <section class="legend" aria-labelledby="legend-heading">
      <h3 id="legend-heading">{t('legend.title')}</h3>
      <p class="legend-unit">{t('legend.unit', { unit: indicator.unit })}</p>
      <ul class="legend-list">
        {classItems.map((item, i) => (
          <li key={i} class="legend-item" data-class={i}>
            <span class="swatch" style={{ background: item.colour }} aria-hidden="true" />
            <span class="legend-label">{item.label}</span>
            <span class="legend-count">{countText(item.count)}</span>
          </li>
        ))}
        {missing.map((group) => (
          <li
            key={group.kind}
            class="legend-item"
            data-missing={group.kind}
            title={group.reasons.map((r) => `${r.label}: ${r.count}`).join('\n')}
          >
            <span class={`swatch swatch-${group.kind}`} aria-hidden="true" />
            <span class="legend-label">
              {t(LABELS[group.kind])}
              <span class="legend-reasons">{group.reasons.map((r) => r.label).join(', ')}</span>
            </span>
            <span class="legend-count">{countText(group.count)}</span>
          </li>
        ))}
      </ul>
      {result && result.reference !== null && isDiverging(result.scheme) && (
        <p class="legend-reference">{t('legend.reference', { value: fmt(result.reference) })}</p>
      )}
    </section>
  );
}

const LABELS: Record<MissingKind, MessageKey> = {
  missing: 'legend.missing',
  suppressed: 'legend.suppressed',
  nodata: 'legend.noData',
};

function countText(count: number): string {
  return count === 1 ? t('legend.area1') : t('legend.areas', { count: formatNumber(count, 0, lang.value) });
}

interface MissingGroup {
  kind: MissingKind;
  count: number;
  reasons: { label: string; count: number }[];
}

function missingGroups(rows: readonly AreaRow[]): MissingGroup[] {
  const groups = new Map<MissingKind, Map<string, number>>();
  for (const row of rows) {
    const kind = missingKind(row);
    if (!kind) continue;
    const label = reasonLabel(row);
    const reasons = groups.get(kind) ?? new Map<string, number>();
    reasons.set(label, (reasons.get(label) ?? 0) + 1);
    groups.set(kind, reasons);
  }
  return (['missing', 'suppressed', 'nodata'] as const)
    .filter((kind) => groups.has(kind))
    .map((kind) => {
      const reasons = [...groups.get(kind)!].map(([label, count]) => ({ label, count }));
      return { kind, count: reasons.reduce((s, r) => s + r.count, 0), reasons };
    });
}
