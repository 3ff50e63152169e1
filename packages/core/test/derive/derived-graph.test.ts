import { describe, expect, it } from 'vitest';
import { buildDerivedGraph } from '../../src/derive/index.ts';

describe('buildDerivedGraph', () => {
  it('orders derived indicators after the derived indicators they read', () => {
    const graph = buildDerivedGraph(
      [
        { id: 'gap', formula: 'share_u15 - share_all' },
        { id: 'share_u15', formula: '100 * sgb2_u15 / pop_u15' },
        { id: 'share_all', formula: '100 * sgb2 / pop' },
      ],
      ['sgb2_u15', 'pop_u15', 'sgb2', 'pop'],
    );
    expect(graph.order).toEqual(['share_u15', 'share_all', 'gap']);
  });

  it('names a cycle with its path', () => {
    expect(() =>
      buildDerivedGraph(
        [
          { id: 'a', formula: 'b + 1' },
          { id: 'b', formula: 'c * 2' },
          { id: 'c', formula: 'a - pop' },
        ],
        ['pop'],
      ),
    ).toThrow('derived indicators form a cycle: a → b → c → a');
    expect(() => buildDerivedGraph([{ id: 'a', formula: 'a + 1' }], [])).toThrow('cycle: a → a');
  });

  it('names the formula and the unknown id', () => {
    expect(() => buildDerivedGraph([{ id: 'share', formula: '100 * sgb2x / pop' }], ['sgb2', 'pop'])).toThrow(
      'derived indicator "share" (formula "100 * sgb2x / pop") refers to unknown indicator "sgb2x"',
    );
  });

  it('names the indicator on syntax errors and duplicates', () => {
    expect(() => buildDerivedGraph([{ id: 'share', formula: '100 * / pop' }], ['pop'])).toThrow(
      `derived indicator "share": formula "100 * / pop": unexpected '/' at position 6`,
    );
    expect(() =>
      buildDerivedGraph(
        [
          { id: 'x', formula: '1' },
          { id: 'x', formula: '2' },
        ],
        [],
      ),
    ).toThrow('derived indicator "x" is defined twice');
  });
});
