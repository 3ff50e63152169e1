import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../src/i18n/i18n.ts';
import { reasonText } from '../src/warnings/reason-text.ts';
import type { FlaggedArea, WarningReason } from '../src/warnings/warning-types.ts';
import { warningsCsv } from '../src/warnings/warnings-csv.ts';
import { filterFlagged } from '../src/warnings/flagged-filter.ts';

const de = (key: MessageKey, params?: Record<string, string | number>) => translate('de', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

const reason = (patch: Partial<WarningReason>): WarningReason => ({
  ruleId: 'r',
  label: 'Regel',
  kind: 'threshold',
  indicatorId: 'alq_alle',
  period: '2016-12-31',
  value: 12.345,
  message: '',
  details: {},
  ...patch,
});

describe('early warning: reasons in the user language', () => {
  it('words each kind from its details, with the indicator decimals', () => {
    expect(reasonText(reason({ details: { threshold: 10, direction: 'above' } }), 1, 'de', de)).toBe(
      '12,3 über dem Schwellenwert 10,0 (31.12.2016)',
    );
    expect(reasonText(reason({ details: { threshold: 10, direction: 'below' } }), 1, 'en', en)).toBe(
      '12.3 below the threshold 10.0 (31/12/2016)',
    );
    const deviation = reason({
      kind: 'deviation',
      details: { reference: 25.556, sd: 17.9, z: 2.3704, k: 2 },
    });
    expect(reasonText(deviation, 2, 'de', de)).toBe(
      '12,35 liegt 2,37 Standardabweichungen vom Mittel 25,56 entfernt (Grenze 2,0; 31.12.2016)',
    );
    const trend = reason({
      kind: 'worsening_trend',
      details: { marker: 'decreasing', fromPeriod: '2012-12-31', chiSquare: 7.1234 },
    });
    expect(reasonText(trend, 1, 'de', de)).toBe(
      'signifikant fallender Trend 31.12.2012 – 31.12.2016 (χ² 7,12)',
    );
    const drop = reason({
      kind: 'class_drop',
      value: null,
      details: { fromPeriod: '2014-12-31', fromClass: '2', toClass: '4', steps: 2 },
    });
    expect(reasonText(drop, 0, 'en', en)).toBe('class 2 (31/12/2014) → 4 (31/12/2016): 2 class(es) worse');
  });
});

describe('early warning: filtering and export', () => {
  const flagged: FlaggedArea[] = [
    { level: 'kreis', key: '01001', name: 'Flensburg', reasons: [reason({ ruleId: 'a' })] },
    {
      level: 'berlin-plr',
      key: '0101',
      name: 'Moabit',
      reasons: [reason({ ruleId: 'a' }), reason({ ruleId: 'b', label: 'Zweite; Regel' })],
    },
  ];

  it('keeps the areas and only the reasons of a rule, most reasons first', () => {
    expect(filterFlagged(flagged, { rule: '', level: '' }).map((a) => a.key)).toEqual(['0101', '01001']);
    const b = filterFlagged(flagged, { rule: 'b', level: '' });
    expect(b.map((a) => [a.key, a.reasons.length])).toEqual([['0101', 1]]);
    expect(filterFlagged(flagged, { rule: '', level: 'kreis' }).map((a) => a.key)).toEqual(['01001']);
  });

  it('writes one row per area and reason, keys as text, then source and date', () => {
    const csv = warningsCsv(
      flagged,
      [
        {
          id: 'a',
          label: 'Regel',
          kind: 'threshold',
          level: 'kreis',
          watches: 'x',
          flagged: 2,
          skipped: null,
        },
      ],
      (area, i) => `${area.key}#${i}`,
      'de',
      de,
      new Date('2026-11-21T12:00:00Z'),
    );
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe('Flensburg;="01001";kreis;Regel;Schwellenwert;01001#0');
    expect(lines[3]).toBe('Moabit;="0101";berlin-plr;"Zweite; Regel";Schwellenwert;0101#1');
    expect(lines).toContain('Stand der Auswertung: 21.11.2026');
  });
});
