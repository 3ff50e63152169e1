import type { AggregateAnalysis, CompareAnalysis, IndexAnalysis, WarningsAnalysis } from '@lagebild/analysis';

/** Analysis results as people read them in a terminal: aligned tables, German number format. */

const formats = new Map<number, Intl.NumberFormat>();

export function number(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('de-DE', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(decimals, format);
  }
  return format.format(value);
}

/** Columns padded to their widest cell; numbers (`right`) aligned to the right. */
export function table(header: string[], rows: string[][], right: readonly number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

export function indexTable(result: IndexAnalysis): string {
  const { preset, summary } = result;
  const head = `${preset.name} (${preset.id}, Version ${preset.version}) · ${result.level} · ${result.period}`;
  const counts = Object.entries(summary.classCounts)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');
  const rows = result.areas.map((a) => [
    a.key,
    a.name ?? '',
    number(a.score, 2),
    a.class ? `${a.class.symbol} ${a.class.label}` : '',
    a.excluded
      ? `ausgeschlossen: ${a.excluded.reason} (${a.excluded.detail})`
      : (a.explanation?.drivers
          .map((d) => `${d.component} ${d.effect === 'raises' ? '↑' : '↓'}`)
          .join(', ') ?? ''),
  ]);
  return [
    head,
    `${summary.n} von ${summary.areas} Gebieten bewertet, ${summary.excluded} ausgeschlossen; Klassen ${counts}`,
    '',
    table(['Schlüssel', 'Gebiet', 'Wert', 'Klasse', 'Treiber / Ausschluss'], rows, [2]),
  ].join('\n');
}

export function compareTable(result: CompareAnalysis): string {
  const d = result.indicator.decimals;
  const reference = result.reference.value;
  const rows = result.areas.map((a) => [
    a.key,
    a.name ?? '',
    number(a.value, d),
    number(a.lower, d),
    number(a.upper, d),
    number(a.reference?.value, d),
    result.method.interval === 'none' ? `Gruppe ${a.quantile ?? '–'}` : a.outcome,
  ]);
  return [
    `${result.indicator.name} (${result.indicator.unit}) · ${result.level} · ${result.period}`,
    `Methode: ${result.method.description}`,
    reference
      ? `Referenz: ${reference.name ?? reference.key ?? reference.level} = ${number(reference.value, d)} (${reference.basis})`
      : 'Referenz: das übergeordnete Gebiet',
    '',
    table(['Schlüssel', 'Gebiet', 'Wert', 'KI unten', 'KI oben', 'Referenz', 'Ergebnis'], rows, [2, 3, 4, 5]),
  ].join('\n');
}

export function aggregateTable(result: AggregateAnalysis): string {
  const d = result.indicator.decimals;
  const rows = result.values.map((v) => [
    v.key,
    v.name ?? '',
    number(v.value, d),
    number(v.stored, d),
    v.status === 'missing' ? `fehlt (${v.missingReason})` : v.status,
  ]);
  return [
    `${result.indicator.name} · ${result.fromLevel} → ${result.toLevel} · ${result.period} · Regel ${result.rule} (${result.basis})`,
    `${result.summary.computed} von ${result.summary.parents} berechnet; gleich dem gespeicherten Wert: ${result.summary.equalToStored}, abweichend: ${result.summary.differentFromStored}`,
    ...result.warnings.slice(0, 10).map((w) => `  Hinweis: ${w.message}`),
    '',
    table(['Schlüssel', 'Gebiet', 'berechnet', 'gespeichert', 'Status'], rows, [2, 3]),
  ].join('\n');
}

export function warningsTable(result: WarningsAnalysis): string {
  const rules = result.rules.map((r) =>
    r.skipped
      ? `  ${r.id}: nicht ausgewertet – ${r.skipped}`
      : `  ${r.id}: ${r.flagged} Gebiet(e) · ${r.label ?? r.kind} (${r.watches}, ${r.level})`,
  );
  const areas = result.flagged.flatMap((f) => [
    `${f.level} ${f.key} ${f.name ?? ''}`.trimEnd(),
    ...f.reasons.map((r) => `  - ${r.label ?? r.ruleId}: ${r.message}`),
  ]);
  return [
    `Frühwarnung: ${result.flagged.length} Gebiet(e) auffällig${result.period ? ` (Stand ${result.period})` : ''}`,
    ...rules,
    '',
    ...areas,
  ].join('\n');
}
