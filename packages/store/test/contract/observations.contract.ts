import { describe, expect, it } from 'vitest';
import { LEVELS, POPULATION, UNEMPLOYMENT, baseBatch, batch, manyObservations, obs } from '../fixtures.ts';
import { expectDomainError } from '../expect-domain-error.ts';
import { snapshot } from '../snapshot.ts';
import type { CurrentStore } from '../store.contract.ts';

const setup = () => batch({ levels: LEVELS, indicators: [POPULATION, UNEMPLOYMENT] });

export function describeObservationContract(store: CurrentStore): void {
  describe('observations', () => {
    it('counts inserted, updated and unchanged alike in diffBatch and applyBatch', async () => {
      await store().applyBatch(baseBatch());
      const next = batch({
        observations: [
          obs('population', 'gemeinde', '01001001', '2020', 1200), // unchanged
          obs('population', 'gemeinde', '01001002', '2020', 801), // updated
          obs('population', 'gemeinde', '01001001', '2021', 1210, { status: 'provisional' }), // updated
          obs('population', 'gemeinde', '01001002', '2021', 805), // inserted
        ],
      });
      const expected = { inserted: 1, updated: 2, unchanged: 1 };
      const before = await snapshot(store(), { batches: true });
      expect((await store().diffBatch(next)).observations).toEqual(expected);
      expect(await snapshot(store(), { batches: true })).toEqual(before);
      const applied = await store().applyBatch(next);
      expect(applied.diff.observations).toEqual(expected);
      expect((await store().getBatch(applied.id))?.diff.observations).toEqual(expected);
      expect((await store().diffBatch(next)).observations).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    });

    it('claims only rows it changed: unchanged rows keep the batch that wrote them', async () => {
      const first = await store().applyBatch(baseBatch());
      const second = await store().applyBatch(
        batch({
          observations: [
            obs('population', 'gemeinde', '01001001', '2020', 1200),
            obs('population', 'gemeinde', '01001002', '2020', 1),
          ],
        }),
      );
      const values = await store().getValues({
        indicatorId: 'population',
        levelId: 'gemeinde',
        period: '2020',
      });
      expect(values.map((v) => [v.areaKey, v.value, v.batchId])).toEqual([
        ['01001001', 1200, first.id],
        ['01001002', 1, second.id],
      ]);
    });

    it('compares stored doubles exactly', async () => {
      await store().applyBatch(
        batch({ ...setup(), observations: [obs('population', 'gemeinde', 'A', '2020', 0.1 + 0.2)] }),
      );
      const same = batch({ observations: [obs('population', 'gemeinde', 'A', '2020', 0.30000000000000004)] });
      expect((await store().diffBatch(same)).observations).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      const close = batch({ observations: [obs('population', 'gemeinde', 'A', '2020', 0.3)] });
      expect((await store().diffBatch(close)).observations).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect((await store().applyBatch(close)).diff.observations).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect((await store().getSeries('population', 'gemeinde', 'A'))[0]!.value).toBe(0.3);
    });

    it('round-trips values, numerators and denominators bit for bit', async () => {
      const numbers = [0.1 + 0.2, 1e-300, 5e-324, 1.7976931348623157e308, -123456.789, 2 ** 53 + 2, 1 / 3];
      const rows = numbers.map((n, i) =>
        obs('unemployment_share', 'gemeinde', `A${i}`, '2020', n, { numerator: n / 2, denominator: -n }),
      );
      await store().applyBatch(batch({ ...setup(), observations: rows }));
      const values = await store().getValues({ indicatorId: 'unemployment_share', levelId: 'gemeinde' });
      expect(values.map((v) => [v.value, v.numerator, v.denominator])).toEqual(
        numbers.map((n) => [n, n / 2, -n]),
      );
    });

    it('keeps missing values missing, with their reason, never 0', async () => {
      await store().applyBatch(baseBatch());
      const [missing] = await store().getValues({
        indicatorId: 'unemployment_share',
        levelId: 'gemeinde',
        areaKeys: ['01001002'],
      });
      expect(missing).toEqual({
        ...obs('unemployment_share', 'gemeinde', '01001002', '2020', null, {
          status: 'missing',
          missingReason: 'secret',
        }),
        batchId: 1,
      });
      const reasons = [
        'nothing',
        'secret',
        'not_meaningful',
        'unreliable',
        'later',
        'not_reported',
        'suppressed',
      ] as const;
      const rows = reasons.map((r, i) =>
        obs('population', 'gemeinde', `M${i}`, '2022', null, {
          status: r === 'suppressed' ? 'suppressed' : 'missing',
          missingReason: r,
        }),
      );
      await store().applyBatch(batch({ observations: rows }));
      const stored = await store().getValues({
        indicatorId: 'population',
        levelId: 'gemeinde',
        period: '2022',
      });
      expect(stored.map((s) => [s.value, s.missingReason])).toEqual(reasons.map((r) => [null, r]));
      // A value turning missing, and back, is a change each time.
      const toMissing = batch({
        observations: [
          obs('population', 'gemeinde', '01001001', '2020', null, {
            status: 'missing',
            missingReason: 'later',
          }),
        ],
      });
      expect((await store().applyBatch(toMissing)).diff.observations.updated).toBe(1);
      expect((await store().getSeries('population', 'gemeinde', '01001001'))[0]!.value).toBeNull();
    });

    it('orders values by area key and periods ascending, by code point on every engine', async () => {
      const keys = ['a', 'B', '_x', '10', '9', 'Ä', 'Z'];
      const periods = ['2016', '2015-12', '2015', '2015-01-31'];
      const rows = keys.flatMap((k) => periods.map((p) => obs('population', 'gemeinde', k, p, 1)));
      await store().applyBatch(batch({ ...setup(), observations: rows }));
      const codePoint = [...keys].sort();
      expect(codePoint).toEqual(['10', '9', 'B', 'Z', '_x', 'a', 'Ä']);
      const values = await store().getValues({
        indicatorId: 'population',
        levelId: 'gemeinde',
        period: '2015',
      });
      expect(values.map((v) => v.areaKey)).toEqual(codePoint);
      expect(await store().listPeriods('population', 'gemeinde')).toEqual([
        '2015',
        '2015-01-31',
        '2015-12',
        '2016',
      ]);
      expect((await store().getSeries('population', 'gemeinde', 'B')).map((s) => s.period)).toEqual([
        '2015',
        '2015-01-31',
        '2015-12',
        '2016',
      ]);
      const all = await store().getValues({ indicatorId: 'population', levelId: 'gemeinde' });
      expect(all.map((v) => `${v.areaKey}/${v.period}`).slice(0, 5)).toEqual([
        '10/2015',
        '10/2015-01-31',
        '10/2015-12',
        '10/2016',
        '9/2015',
      ]);
    });

    it('restricts values to given area keys, also when there are many', async () => {
      await store().applyBatch(baseBatch());
      const some = await store().getValues({
        indicatorId: 'population',
        levelId: 'gemeinde',
        areaKeys: ['01001002', 'nope'],
      });
      expect(some.map((v) => [v.areaKey, v.period])).toEqual([['01001002', '2020']]);
      const many = Array.from({ length: 12_000 }, (_, i) => `X${i}`).concat(['01001001']);
      const found = await store().getValues({
        indicatorId: 'population',
        levelId: 'gemeinde',
        areaKeys: many,
      });
      expect(found.map((v) => v.period)).toEqual(['2020', '2021']);
      expect(
        await store().getValues({ indicatorId: 'population', levelId: 'gemeinde', areaKeys: [] }),
      ).toEqual([]);
    });

    it('counts observations per level', async () => {
      await store().applyBatch(baseBatch());
      expect(await store().countObservations('population')).toEqual([
        { levelId: 'gemeinde', periods: 2, values: 3 },
      ]);
      expect(await store().countObservations('unemployment_share')).toEqual([
        { levelId: 'gemeinde', periods: 1, values: 2 },
      ]);
      expect(await store().countObservations('nope')).toEqual([]);
      expect(await store().listPeriods('nope', 'gemeinde')).toEqual([]);
    });

    it('rejects unknown indicators and levels, non-finite numbers and repeated identities', async () => {
      await store().applyBatch(setup());
      const before = await snapshot(store(), { batches: true });
      const cases = [
        [batch({ observations: [obs('nope', 'gemeinde', 'A', '2020', 1)] }), 'IndicatorNotFound'],
        [batch({ observations: [obs('population', 'nowhere', 'A', '2020', 1)] }), 'LevelNotFound'],
        [batch({ observations: [obs('population', 'gemeinde', 'A', '2020', Number.NaN)] }), 'ImportInvalid'],
        [
          batch({ observations: [obs('population', 'gemeinde', 'A', '2020', 1, { denominator: Infinity })] }),
          'ImportInvalid',
        ],
        [
          batch({
            observations: [
              obs('population', 'gemeinde', 'A', '2020', 1),
              obs('population', 'gemeinde', 'A', '2020', 2),
            ],
          }),
          'ImportInvalid',
        ],
        [
          batch({
            observations: [
              obs('population', 'gemeinde', 'A', '2020', 1),
              obs('population', 'gemeinde', 'A', '2020', 1),
            ],
          }),
          'ImportInvalid',
        ],
      ] as const;
      for (const [input, code] of cases) {
        await expectDomainError(store().diffBatch(input), code);
        await expectDomainError(store().applyBatch(input), code);
      }
      expect(await snapshot(store(), { batches: true })).toEqual(before);
    });

    it('rejects a repeated identity also when the repeats lie chunks apart', async () => {
      await store().applyBatch(setup());
      for (const value of [5, 6]) {
        const rows = [
          obs('population', 'gemeinde', 'A', '2020', 5),
          ...manyObservations(15_000),
          obs('population', 'gemeinde', 'A', '2020', value),
        ];
        await expectDomainError(store().diffBatch(batch({ observations: rows })), 'ImportInvalid');
        await expectDomainError(store().applyBatch(batch({ observations: rows })), 'ImportInvalid');
      }
      expect(await store().countObservations('population')).toEqual([]);
    });

    it('rejects repeated identities also among rows already stored, changed or not', async () => {
      await store().applyBatch(batch({ ...setup(), observations: manyObservations(15_000) }));
      const before = await snapshot(store(), { batches: true });
      const stored = manyObservations(1)[0]!;
      const inputs = [
        [stored, stored, ...manyObservations(15_000).slice(1)], // unchanged twice, same chunk
        [stored, ...manyObservations(15_000).slice(1), stored], // unchanged twice, chunks apart
        [{ ...stored, value: 9 }, ...manyObservations(15_000).slice(1), { ...stored, value: 8 }], // changed twice
      ];
      for (const observations of inputs) {
        await expectDomainError(store().diffBatch(batch({ observations })), 'ImportInvalid');
        await expectDomainError(store().applyBatch(batch({ observations })), 'ImportInvalid');
      }
      expect(await snapshot(store(), { batches: true })).toEqual(before);
    });

    it('reports progress per chunk up to the total', async () => {
      await store().applyBatch(setup());
      const calls: [number, number][] = [];
      const rows = manyObservations(25_000);
      const result = await store().applyBatch(batch({ observations: rows }), (done, total) =>
        calls.push([done, total]),
      );
      expect(result.diff.observations).toEqual({ inserted: 25_000, updated: 0, unchanged: 0 });
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls.at(-1)).toEqual([25_000, 25_000]);
      expect(
        calls.every(([done, total], i) => total === 25_000 && (i === 0 || done > calls[i - 1]![0])),
      ).toBe(true);
      expect(await store().countObservations('population')).toEqual([
        { levelId: 'gemeinde', periods: 25, values: 25_000 },
      ]);
    });

    it('handles a large re-import with a mix of changes', async () => {
      await store().applyBatch(batch({ ...setup(), observations: manyObservations(20_000) }));
      const next = manyObservations(30_000).map((o, i) => (i % 3 === 0 ? { ...o, value: -1 } : o));
      const expected = { inserted: 10_000, updated: 6_667, unchanged: 13_333 };
      expect((await store().diffBatch(batch({ observations: next }))).observations).toEqual(expected);
      expect((await store().applyBatch(batch({ observations: next }))).diff.observations).toEqual(expected);
      const values = await store().getValues({
        indicatorId: 'population',
        levelId: 'gemeinde',
        period: '1900',
      });
      expect(values[0]).toMatchObject({ areaKey: 'K0000', value: -1, batchId: 2 });
      expect(values[1]).toMatchObject({ areaKey: 'K0001', value: 0.5, batchId: 1 });
    });
  });
}
