import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisService, dataVersion, type AnalysisService } from '../src/index.ts';
import { cacheKey, ResultCache } from '../src/result-cache.ts';
import { correctionBatch, fixtureStore, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let analysis: AnalysisService;

beforeAll(async () => {
  fixture = await fixtureStore();
  analysis = createAnalysisService({ store: fixture.store, presetDirs: [fixture.presetDir] });
});
afterAll(() => fixture.cleanup());

const a1 = async () => {
  const result = await analysis.compare('sgb2_quote', { level: 'kreis', period: '2020' });
  return { result, value: result.areas.find((a) => a.key === 'A1')!.value };
};

describe('cached results', () => {
  it('serves a repeated question from the cache under the same data version', async () => {
    const before = analysis.cacheStats();
    const first = await a1();
    const second = await a1();
    expect(second.result).toBe(first.result);
    expect(analysis.cacheStats()).toMatchObject({ hits: before.hits + 1, misses: before.misses + 1 });
    expect(first.result.dataVersion).toBe('1:1:0');
  });

  it('recomputes after an import and again after its undo', async () => {
    expect((await a1()).value).toBe(12.5);
    const correction = await fixture.store.applyBatch(correctionBatch(520));
    const changed = await a1();
    expect(changed.result.dataVersion).toBe('2:2:0');
    expect(changed.value).toBe(5);
    const index = await analysis.indexResult('test-bedarf', { period: '2020' });
    expect(index.areas.find((a) => a.key === 'A1')!.raw.SGB).toBe(5);

    await fixture.store.undoBatch(correction.id);
    const restored = await a1();
    expect(restored.result.dataVersion).toBe('2:1:1');
    expect(restored.value).toBe(12.5);
    const indexAgain = await analysis.indexResult('test-bedarf', { period: '2020' });
    expect(indexAgain.areas.find((a) => a.key === 'A1')!.raw.SGB).toBe(12.5);
  });

  it('derives the version from the batches alone', async () => {
    expect(await dataVersion(fixture.store)).toBe(await analysis.dataVersion());
  });
});

describe('ResultCache', () => {
  it('keys by sorted input, leaves out undefined and drops the least recently used', async () => {
    expect(cacheKey('x', { b: 1, a: { d: 2, c: undefined } })).toBe(cacheKey('x', { a: { d: 2 }, b: 1 }));
    const cache = new ResultCache(2);
    let computed = 0;
    const compute = async () => ++computed;
    await cache.get('a', 'v1', compute);
    await cache.get('b', 'v1', compute);
    await cache.get('a', 'v1', compute);
    await cache.get('c', 'v1', compute);
    expect(await cache.get('a', 'v1', compute)).toBe(1);
    expect(await cache.get('b', 'v1', compute)).toBe(4);
    expect(await cache.get('b', 'v2', compute)).toBe(5);
  });

  it('shares a pending computation and forgets a failed one', async () => {
    const cache = new ResultCache();
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    const [x, y] = await Promise.all([cache.get('k', 'v', slow), cache.get('k', 'v', slow)]);
    expect([x, y, calls]).toEqual([1, 1, 1]);
    await expect(cache.get('f', 'v', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('f', 'v', async () => 'ok')).toBe('ok');
  });
});
