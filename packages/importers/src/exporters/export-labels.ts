import type { MissingReason } from '@lagebild/core';
import type { ExportLocale, ExportStatus } from './export-table.ts';

/**
 * Words of the exports in both languages. Status and reason cells hold the stable codes of the API
 * (`final`, `secret`), so a script reading an export needs no translation; these texts explain them.
 */
export interface ExportLabels {
  dataSheet: string;
  sourceSheet: string;
  columns: {
    key: string;
    name: string;
    period: string;
    value: string;
    status: string;
    reason: string;
    numerator: string;
    denominator: string;
    indicator: string;
    unit: string;
    source: string;
    exportedAt: string;
  };
  meta: {
    indicator: string;
    id: string;
    description: string;
    unit: string;
    level: string;
    parent: string;
    period: string;
    allPeriods: string;
    source: string;
    noSource: string;
    exportedAt: string;
    by: string;
    statusCodes: string;
    reasonCodes: string;
  };
  status: Record<ExportStatus, string>;
  reason: Record<MissingReason, string>;
}

const DE: ExportLabels = {
  dataSheet: 'Daten',
  sourceSheet: 'Quelle',
  columns: {
    key: 'Schlüssel',
    name: 'Gebiet',
    period: 'Zeitraum',
    value: 'Wert',
    status: 'Status',
    reason: 'Grund',
    numerator: 'Zähler',
    denominator: 'Nenner',
    indicator: 'Indikator',
    unit: 'Einheit',
    source: 'Quelle',
    exportedAt: 'Exportiert am',
  },
  meta: {
    indicator: 'Indikator',
    id: 'Kennung',
    description: 'Definition',
    unit: 'Einheit',
    level: 'Ebene',
    parent: 'Eingegrenzt auf',
    period: 'Zeitraum',
    allPeriods: 'alle Zeiträume',
    source: 'Quelle',
    noSource: 'keine Quelle angegeben',
    exportedAt: 'Exportiert am',
    by: 'Erstellt mit Lagebild',
    statusCodes: 'Status (Spalte „Status“)',
    reasonCodes: 'Grund eines fehlenden Werts (Spalte „Grund“; nie 0)',
  },
  status: {
    final: 'endgültig',
    provisional: 'vorläufig',
    estimated: 'geschätzt',
    suppressed: 'gesperrt (Geheimhaltung)',
    missing: 'fehlt',
    nodata: 'keine Daten',
  },
  reason: {
    nothing: 'nichts vorhanden (–)',
    secret: 'geheim zu halten (.)',
    not_meaningful: 'Aussage nicht sinnvoll (x)',
    unreliable: 'nicht sicher genug (/)',
    later: 'Angabe fällt später an (…)',
    not_reported: 'nicht gemeldet',
    suppressed: 'durch Geheimhaltung gesperrt',
  },
};

const EN: ExportLabels = {
  dataSheet: 'Data',
  sourceSheet: 'Source',
  columns: {
    key: 'Key',
    name: 'Area',
    period: 'Period',
    value: 'Value',
    status: 'Status',
    reason: 'Reason',
    numerator: 'Numerator',
    denominator: 'Denominator',
    indicator: 'Indicator',
    unit: 'Unit',
    source: 'Source',
    exportedAt: 'Exported',
  },
  meta: {
    indicator: 'Indicator',
    id: 'Id',
    description: 'Definition',
    unit: 'Unit',
    level: 'Level',
    parent: 'Limited to',
    period: 'Period',
    allPeriods: 'all periods',
    source: 'Source',
    noSource: 'no source given',
    exportedAt: 'Exported',
    by: 'Made with Lagebild',
    statusCodes: 'Status (column "Status")',
    reasonCodes: 'Reason of a missing value (column "Reason"; never 0)',
  },
  status: {
    final: 'final',
    provisional: 'provisional',
    estimated: 'estimated',
    suppressed: 'suppressed (confidentiality)',
    missing: 'missing',
    nodata: 'no data',
  },
  reason: {
    nothing: 'nothing (–)',
    secret: 'confidential (.)',
    not_meaningful: 'not meaningful (x)',
    unreliable: 'not reliable enough (/)',
    later: 'available later (…)',
    not_reported: 'not reported',
    suppressed: 'withheld by disclosure control',
  },
};

export function exportLabels(locale: ExportLocale): ExportLabels {
  return locale === 'en' ? EN : DE;
}
