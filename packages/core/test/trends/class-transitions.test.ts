import { describe, expect, it } from 'vitest';
import { classTransitions, type ClassAssignment } from '../../src/trends/index.ts';

const assign = (period: string, classes: Record<string, string>): ClassAssignment[] =>
  Object.entries(classes).map(([areaKey, classLabel]) => ({ areaKey, period, classLabel }));

describe('classTransitions', () => {
  const data = [
    ...assign('2019', { A: '1', B: '2', C: '2', D: '3', E: '4' }),
    ...assign('2021', { A: '1', B: '3', C: '2', D: '2', F: '4' }),
  ];

  it('counts areas per (from, to) class pair and lists each move', () => {
    const result = classTransitions(data, '2019', '2021', ['1', '2', '3', '4']);
    expect(result.labels).toEqual(['1', '2', '3', '4']);
    expect(result.matrix).toEqual([
      [1, 0, 0, 0],
      [0, 1, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(result.areas).toEqual([
      { areaKey: 'A', from: '1', to: '1', move: 'same' },
      { areaKey: 'B', from: '2', to: '3', move: 'higher' },
      { areaKey: 'C', from: '2', to: '2', move: 'same' },
      { areaKey: 'D', from: '3', to: '2', move: 'lower' },
    ]);
    expect(result.onlyInFrom).toEqual(['E']);
    expect(result.onlyInTo).toEqual(['F']);
  });

  it('sorts labels naturally without an order, and then gives no direction', () => {
    const result = classTransitions(
      [...assign('a', { X: '10', Y: '9' }), ...assign('b', { X: '9', Y: '10' })],
      'a',
      'b',
    );
    expect(result.labels).toEqual(['9', '10']);
    expect(result.areas.map((a) => a.move)).toEqual([null, null]);
  });

  it('rejects classes outside the order and double assignments', () => {
    expect(() => classTransitions(data, '2019', '2021', ['1', '2', '3'])).toThrow(
      'class "4" is not in the class order [1, 2, 3]',
    );
    expect(() => classTransitions([...data, ...assign('2019', { A: '2' })], '2019', '2021')).toThrow(
      'area A has two classes in period 2019',
    );
  });
});
