import { describe, expect, it } from 'vitest';
import type { Table } from '@lagebild/core';
import { parseImportMapping } from '../../src/index.ts';
import { mapTable } from '../../src/mapping/table-mapping.ts';
import { appendAll } from '@lagebild/core';

// Regression: collecting observations with push(...items) overflowed the call stack above ~125,000
// observations per import (found by the import benchmark).
describe('large imports', () => {
  it('collects 300,000 observations without overflowing the stack', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => ({
      line: i + 2,
      cells: [String(i).padStart(8, '0'), '1'],
    }));
    const table: Table = {
      file: 'big.csv',
      encoding: 'utf-8',
      header: ['key', 'value'],
      rows,
      meta: {},
      issues: [],
    };
    const spec = parseImportMapping({
      format: 'csv',
      level: 'gemeinde',
      area: { column: 'key' },
      layout: 'long',
      period: { value: '2024' },
      indicator: 'x',
      value: { column: 'value' },
    });
    if (spec.kind !== 'table') throw new Error('expected a table mapping');
    const collected = appendAll([], mapTable(table, spec.routes[0]!).observations);
    expect(collected).toHaveLength(300_000);
  });
});
