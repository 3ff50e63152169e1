import { DomainError } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseTableMapping, tableMappingSchema } from '../../src/mapping/mapping.schema.ts';

const wideYaml = `
format: genesis-classic
encoding: auto
decimal: ','
level: kreis
area:
  column: key
  keep: '^\\d{5}$'
  rename: { '02': '02000', '11': '11000' }
layout: wide
values:
  - columns: '^(?<period>\\d{2}\\.\\d{2}\\.\\d{4}) \\| Insgesamt$'
    indicator: population_total
  - columns: '^Insgesamt \\| Insgesamt$'
    indicator: { column: label1, map: { 'unter 3 Jahre': population_u3 } }
    period: { column: time }
    filter: { label1: ['unter 3 Jahre'] }
indicators:
  - { id: population_total, name: Bevölkerung insgesamt, unit: Personen, kind: count, topic: Bevölkerung, polarity: neutral, source: 'Regionalstatistik 12411-01-01-4' }
`;

const longYaml = `
format: genesis-flat
level: kreis
area: { column: 1_variable_attribute_code, pad: 5, keep: '^\\d{5}$' }
layout: long
period: { value: 2024 }
indicator: { column: 2_variable_attribute_code, map: { GESAMT: population_total } }
value: { column: value }
quality: { column: value_q, map: { v: provisional } }
filter: { 2_variable_attribute_code: [GESAMT, MAENNL], time: 2024 }
numerator: { column: n }
denominator: { column: d }
`;

function problems(input: unknown): string[] {
  const result = tableMappingSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const base = { format: 'csv', level: 'kreis', area: { column: 'key' } };

describe('tableMappingSchema', () => {
  it('accepts the wide example from YAML, with defaults', () => {
    const mapping = parseTableMapping(parseYaml(wideYaml));
    expect(mapping.layout).toBe('wide');
    expect(mapping.decimal).toBe(',');
    expect(mapping.area.rename).toEqual({ '02': '02000', '11': '11000' });
    expect(mapping.indicators?.[0]).toMatchObject({ id: 'population_total', kind: 'count' });
  });

  it('accepts the long example and turns YAML scalars in filters into text', () => {
    const mapping = parseTableMapping(parseYaml(longYaml));
    if (mapping.layout !== 'long') throw new Error('expected long');
    expect(mapping.decimal).toBe('auto');
    expect(mapping.period).toEqual({ value: '2024' });
    expect(mapping.filter).toEqual({ '2_variable_attribute_code': ['GESAMT', 'MAENNL'], time: ['2024'] });
  });

  it('requires values for wide and value for long, with clear messages', () => {
    expect(problems({ ...base, layout: 'wide' })).toEqual([
      'values: layout wide needs a list of { columns: <regex over header names>, indicator, period? }',
    ]);
    expect(problems({ ...base, layout: 'long', period: { value: 2020 }, indicator: 'x' })).toEqual([
      'value: layout long needs { column: <header of the value column> }',
    ]);
    expect(problems({ ...base, layout: 'wide', values: [] })).toEqual([
      'values: layout wide needs at least one entry',
    ]);
    expect(problems({ ...base })).toEqual([
      'layout: expected wide (one column per value) or long (one value column)',
    ]);
  });

  it('validates regular expressions', () => {
    const mapping = {
      ...base,
      area: { column: 'key', keep: '^(\\d{5}$' },
      layout: 'wide',
      values: [{ columns: '[', indicator: 'x', period: { value: 2020 } }],
    };
    expect(problems(mapping)).toEqual([
      'area.keep: not a valid regular expression: ^(\\d{5}$',
      'values.0.columns: not a valid regular expression: [',
    ]);
  });

  it('needs a period per wide entry: a spec or a named group', () => {
    expect(problems({ ...base, layout: 'wide', values: [{ columns: '^Wert$', indicator: 'x' }] })).toEqual([
      'values.0.period: give period ({ column } or { value }) or a named group (?<period>…) in columns',
    ]);
  });

  it('reports typos, bad ids, bad periods and options of other formats', () => {
    const mapping = {
      ...base,
      area: { colum: 'key' },
      layout: 'long',
      period: { value: '31.13.2015' },
      indicator: { column: 'x', map: { A: 'Bad Id' } },
      value: { column: 'v' },
      sheet: 'Daten',
    };
    expect(problems(mapping)).toEqual([
      'area.column: expected a column name (a header of the table)',
      'area: Unrecognized key: "colum"',
      'period.value: expected a period like 2015, 2015-12 or 2015-12-31 (31.12.2015 works too)',
      'indicator.map.A: expected a lower-case indicator id like population_total',
    ]);
    const valid = { ...mapping, area: { column: 'key' }, period: { value: 2015 }, indicator: 'x' };
    expect(problems(valid)).toEqual(['sheet: sheet is only used with format xlsx']);
  });

  it('validates declared indicators like catalogue entries', () => {
    const mapping = {
      ...base,
      layout: 'long',
      period: { value: 2015 },
      indicator: 'x',
      value: { column: 'v' },
      indicators: [{ id: 'x', name: 'X', unit: '%', kind: 'quota' }],
    };
    expect(problems(mapping)[0]).toMatch(/^indicators\.0\.kind: /);
  });

  it('parseTableMapping throws MappingInvalid listing every problem', () => {
    expect(() => parseTableMapping({ ...base, layout: 'wide' }, 'kreise.yaml')).toThrow(DomainError);
    try {
      parseTableMapping({ format: 'ods', level: '', area: {}, layout: 'long' }, 'kreise.yaml');
    } catch (error) {
      expect(error).toMatchObject({ code: 'MappingInvalid' });
      expect((error as Error).message).toMatch(
        /^kreise\.yaml: the mapping is not valid: format: expected csv/,
      );
      expect((error as DomainError).details).toMatchObject({
        problems: expect.arrayContaining([expect.stringMatching(/^value: /)]),
      });
    }
  });
});
