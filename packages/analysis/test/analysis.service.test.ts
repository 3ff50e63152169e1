import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisService, type AnalysisService } from '../src/index.ts';
import { fixtureStore, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let analysis: AnalysisService;

beforeAll(async () => {
  fixture = await fixtureStore();
  analysis = createAnalysisService({
    store: fixture.store,
    presetDirs: [fixture.presetDir],
    warningRuleFiles: [fixture.rulesFile],
  });
});
afterAll(() => fixture.cleanup());

const byKey = <T extends { key: string }>(list: T[]) => new Map(list.map((a) => [a.key, a]));

describe('indexResult', () => {
  it('computes the index per area on the level the preset reads, with version, classes and reasons', async () => {
    const result = await analysis.indexResult('test-bedarf', { period: '2020' });
    expect(result.preset).toEqual({
      id: 'test-bedarf',
      name: 'Bedarfsindex (Test)',
      kind: 'index',
      version: 2,
    });
    expect(result.level).toBe('kreis');
    const areas = byKey(result.areas);
    expect(areas.get('B2')!.excluded).toEqual({
      reason: 'population-below-minimum',
      detail: 'pop = 800 < 1000',
    });
    expect(areas.get('B2')!.score).toBeNull();
    expect(areas.get('A1')!.score).toBeCloseTo(1.3905, 3);
    expect(areas.get('A1')!.class).toEqual({ code: 2, label: 'hoch', symbol: '2' });
    expect(areas.get('A2')!.class?.code).toBe(1);
    expect(areas.get('A1')!.explanation!.drivers).toEqual([{ component: 'SGB', effect: 'raises' }]);
    expect(result.summary).toMatchObject({ areas: 4, n: 3, excluded: 1, classCounts: { 1: 2, 2: 1 } });
    expect(result.areas[0]!.name).toBe('Altstadt');
  });

  it('picks the preset version by period', async () => {
    const result = await analysis.indexResult('test-bedarf', { period: '2017', level: 'kreis' });
    expect(result.preset.version).toBe(1);
    expect(Object.keys(result.areas[0]!.raw)).toEqual(['SGB']);
  });

  it('combines the classes of its parts for a cross class', async () => {
    const result = await analysis.indexResult('test-doppel', { period: '2020' });
    expect(result.preset.kind).toBe('cross');
    const a1 = byKey(result.areas).get('A1')!;
    expect(a1.class).toEqual({ code: 22, label: 'hoch und hoch', symbol: '2/2' });
    expect(a1.parts).toEqual({ Eins: { code: 2, label: 'hoch', symbol: '2' }, Zwei: expect.anything() });
    expect(byKey(result.areas).get('B2')!.excluded?.reason).toBe('population-below-minimum');
  });

  it('names unknown presets, levels and periods outside every version', async () => {
    await expect(analysis.indexResult('nope', { period: '2020' })).rejects.toMatchObject({
      code: 'ValidationFailed',
      message: expect.stringContaining('test-bedarf'),
    });
    await expect(
      analysis.indexResult('test-bedarf', { period: '2020', level: 'gemeinde' }),
    ).rejects.toMatchObject({
      code: 'LevelNotFound',
    });
    await expect(analysis.indexResult('test-bedarf', { period: '2020-13' })).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
  });
});

describe('compare', () => {
  it('gives shares with numerator and denominator Wilson intervals and judges them against the parent', async () => {
    const result = await analysis.compare('sgb2_quote', {
      level: 'kreis',
      period: '2020',
      reference: { kind: 'parent' },
    });
    expect(result.method).toMatchObject({ interval: 'wilson', benchmark: 'ci-overlap', multiplier: 100 });
    const areas = byKey(result.areas);
    const a1 = areas.get('A1')!;
    expect(a1).toMatchObject({
      value: 12.5,
      numerator: 1300,
      denominator: 10400,
      limits: 'wilson',
      outcome: 'worse',
    });
    expect(a1.lower!).toBeLessThan(12.5);
    expect(a1.upper!).toBeGreaterThan(12.5);
    // Land A has no stored share: its value is re-derived from the Kreise's counts.
    expect(a1.reference).toMatchObject({ level: 'land', key: 'A', name: 'Land A', basis: 'aggregated' });
    expect(a1.reference!.value).toBeCloseTo((100 * 2300) / 30400, 10);
    expect(areas.get('A2')!.outcome).toBe('better');
    expect(areas.get('B1')!.outcome).toBe('similar');
    expect(result.summary.outcomes).toEqual({ worse: 1, better: 1, similar: 2 });
  });

  it('pools numerators and denominators for the level reference', async () => {
    const result = await analysis.compare('sgb2_quote', { level: 'kreis', period: '2020' });
    expect(result.reference.kind).toBe('level');
    expect(result.reference.value).toMatchObject({ basis: 'pooled', level: 'kreis', key: null });
    expect(result.reference.value!.value).toBeCloseTo((100 * 2590) / 36200, 10);
  });

  it('uses exact Poisson limits below 10 events and Byar from 10 for rates with counts', async () => {
    const result = await analysis.compare('case_rate', { level: 'kreis', period: '2020', confidence: 0.998 });
    expect(result.method).toMatchObject({ interval: 'poisson', confidence: 0.998, multiplier: 1000 });
    const areas = byKey(result.areas);
    expect(areas.get('A1')!.limits).toBe('byars');
    expect(areas.get('B1')!.limits).toBe('exact');
    expect(areas.get('B2')!.limits).toBe('exact');
  });

  it('falls back to quantile groups without counts, group 1 being the worst', async () => {
    const result = await analysis.compare('income', { level: 'kreis', period: '2020', groups: 2 });
    expect(result.method).toMatchObject({ interval: 'none', benchmark: 'quantiles', multiplier: null });
    expect(result.areas.map((a) => [a.key, a.quantile, a.outcome])).toEqual([
      ['A1', 1, 'not_compared'],
      ['A2', 2, 'not_compared'],
      ['B1', 2, 'not_compared'],
      ['B2', 1, 'not_compared'],
    ]);
    expect(result.method.description).toContain('quantile');
  });

  it('compares with a named area and says when it has no value', async () => {
    const result = await analysis.compare('sgb2_quote', {
      level: 'kreis',
      period: '2020',
      reference: { kind: 'area', level: 'kreis', key: 'A2' },
    });
    expect(result.reference.value).toMatchObject({ key: 'A2', value: 5, basis: 'stored' });
    expect(byKey(result.areas).get('A1')!.outcome).toBe('worse');
    const missing = await analysis.compare('sgb2_quote', {
      level: 'kreis',
      period: '2020',
      reference: { kind: 'area', level: 'land', key: 'A' },
    });
    expect(missing.summary.outcomes).toEqual({ not_compared: 4 });
    expect(missing.warnings['missing-confidence-interval']).toBe(4);
    await expect(
      analysis.compare('sgb2_quote', {
        level: 'kreis',
        reference: { kind: 'area', level: 'land', key: 'Z' },
      }),
    ).rejects.toMatchObject({ code: 'AreaNotFound' });
  });

  it('refuses a parent reference on a level without parent level, and unknown indicators', async () => {
    await expect(
      analysis.compare('pop', { level: 'land', reference: { kind: 'parent' } }),
    ).rejects.toMatchObject({ code: 'ValidationFailed' });
    await expect(analysis.compare('nope', { level: 'kreis' })).rejects.toMatchObject({
      code: 'IndicatorNotFound',
    });
  });
});

describe('aggregate', () => {
  it('adds counts up to the parents and matches the stored values', async () => {
    const result = await analysis.aggregate('pop', { fromLevel: 'kreis', toLevel: 'land', period: '2020' });
    expect(result).toMatchObject({
      rule: 'sum',
      basis: 'nesting',
      path: ['kreis', 'land'],
      estimated: false,
    });
    expect(result.values.map((v) => [v.key, v.value, v.stored])).toEqual([
      ['A', 30_400, 30_400],
      ['B', 5_800, 5_800],
    ]);
    expect(result.summary).toMatchObject({ parents: 2, equalToStored: 2, differentFromStored: 0 });
  });

  it('re-derives ratios from numerator and denominator and flags weighted means as estimated', async () => {
    const ratio = await analysis.aggregate('sgb2_quote', {
      fromLevel: 'kreis',
      toLevel: 'land',
      period: '2020',
    });
    expect(ratio.values[0]).toMatchObject({ key: 'A', numerator: 2300, denominator: 30_400 });
    expect(ratio.values[0]!.value).toBeCloseTo((100 * 2300) / 30400, 10);
    const mean = await analysis.aggregate('age', { fromLevel: 'kreis', toLevel: 'land', period: '2020' });
    expect(mean.estimated).toBe(true);
    expect(mean.values.map((v) => [v.key, v.value, v.status])).toEqual([
      ['A', 42, 'estimated'],
      ['B', 46, 'estimated'],
    ]);
  });

  it('does not aggregate medians, with a counted warning', async () => {
    const result = await analysis.aggregate('income', {
      fromLevel: 'kreis',
      toLevel: 'land',
      period: '2020',
    });
    expect(result.values).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['not_aggregatable']);
  });

  it('follows correspondences between levels that do not nest', async () => {
    const result = await analysis.aggregate('pop', { fromLevel: 'kreis', toLevel: 'region', period: '2020' });
    expect(result.basis).toBe('correspondences');
    expect(result.values.map((v) => [v.key, v.value, v.status])).toEqual([
      ['NORD', 20_400, 'estimated'],
      ['SUED', 15_800, 'estimated'],
    ]);
  });

  it('refuses levels that neither nest nor correspond', async () => {
    await expect(
      analysis.aggregate('pop', { fromLevel: 'land', toLevel: 'kreis', period: '2020' }),
    ).rejects.toMatchObject({ code: 'ValidationFailed', message: expect.stringContaining('neither nests') });
  });
});

describe('trend and class transitions', () => {
  it('measures change, annual growth and the recent trend of a share from its counts', async () => {
    const result = await analysis.trend('sgb2_quote', { level: 'kreis', area: 'A1' });
    expect(result.series).toHaveLength(5);
    expect(result.change).toMatchObject({ ok: true, fromPeriod: '2019', toPeriod: '2020', to: 12.5 });
    expect(result.overall).toMatchObject({ ok: true, from: 8, to: 12.5, years: 4 });
    if (!result.overall.ok) throw new Error('no change');
    expect(result.overall.annualRate).toBeCloseTo((12.5 / 8) ** (1 / 4) - 1, 10);
    expect(result.recentTrend).toMatchObject({
      method: 'proportions',
      marker: 'increasing',
      assessment: 'worsening',
    });
  });

  it('tests rates on their Poisson intervals and leaves indicators without counts unmarked', async () => {
    const rate = await analysis.trend('case_rate', { level: 'kreis', area: 'A2', periods: 4 });
    expect(rate.recentTrend?.method).toBe('intervals');
    expect(rate.change).toMatchObject({ fromPeriod: '2016', toPeriod: '2020' });
    const income = await analysis.trend('income', { level: 'kreis', area: 'A1' });
    expect(income.recentTrend).toBeNull();
    expect(income.notes[0]).toContain('numerator and denominator');
    await expect(analysis.trend('income', { level: 'kreis', area: 'ZZ' })).rejects.toMatchObject({
      code: 'AreaNotFound',
    });
  });

  it('cross-tabulates class moves and judges them by polarity', async () => {
    const result = await analysis.classTransitions('klasse', { level: 'kreis', from: '2016', to: '2020' });
    expect(result.labels).toEqual(['1', '2', '3']);
    expect(result.matrix).toEqual([
      [1, 0, 0],
      [1, 0, 1],
      [0, 0, 1],
    ]);
    expect(result.summary).toEqual({ same: 2, higher: 1, lower: 1, better: 1, worse: 1 });
    expect(result.areas.find((a) => a.areaKey === 'A1')).toMatchObject({
      from: '2',
      to: '3',
      assessment: 'worse',
      name: 'Altstadt',
    });
  });
});

describe('warnings', () => {
  it('evaluates the configured rules and lists every reason per area', async () => {
    const result = await analysis.warnings();
    expect(result.rules.map((r) => [r.id, r.flagged])).toEqual([
      ['quote-hoch', 1],
      ['quote-abweichung', 1],
      ['klasse-abstieg', 1],
      ['quote-trend', 1],
      ['index-abstieg', 0],
    ]);
    expect(result.flagged).toHaveLength(1);
    expect(result.flagged[0]).toMatchObject({ level: 'kreis', key: 'A1', name: 'Altstadt' });
    expect(result.flagged[0]!.reasons.map((r) => r.ruleId)).toEqual([
      'quote-hoch',
      'quote-abweichung',
      'klasse-abstieg',
      'quote-trend',
    ]);
  });

  it('selects rules by id, evaluates rules of its own and as of an earlier period', async () => {
    const one = await analysis.warnings({ rules: ['quote-hoch'], period: '2018' });
    expect(one.flagged.map((f) => f.key)).toEqual(['A1']);
    expect(one.flagged[0]!.reasons[0]!.period).toBe('2018');
    await expect(analysis.warnings({ rules: ['nope'] })).rejects.toMatchObject({ code: 'ValidationFailed' });
  });

  it('skips rules about data that is not there, with the reason, and evaluates the others', async () => {
    const { DEMO_WARNING_RULES } = await import('../src/index.ts');
    const demoRules = createAnalysisService({
      store: fixture.store,
      presetDirs: [fixture.presetDir],
      warningRuleFiles: [DEMO_WARNING_RULES, fixture.rulesFile],
    });
    const result = await demoRules.warnings();
    const skipped = result.rules.filter((r) => r.skipped !== null);
    expect(skipped.map((r) => r.id)).toContain('mss-statusklasse-abstieg');
    expect(skipped[0]!.skipped).toMatch(/No spatial level "berlin-plr"/);
    expect(result.rules.find((r) => r.id === 'quote-hoch')).toMatchObject({ flagged: 1, skipped: null });
  });

  it('reports configured rule files with bad rules by file and path', async () => {
    const { parseWarningRules } = await import('../src/index.ts');
    expect(() =>
      parseWarningRules([{ id: 'x', kind: 'threshold', level: 'kreis', indicator: 'pop' }]),
    ).toThrow(/rules\[0\]\.threshold: expected a number/);
    expect(() => parseWarningRules([{ id: 'x', kind: 'hunch', level: 'kreis' }])).toThrow(/rules\[0\]\.kind/);
  });
});

describe('correlations and typology', () => {
  it('correlates indicators across the areas of a level in their latest common period', async () => {
    const result = await analysis.correlations({ indicators: ['sgb2_quote', 'income'], level: 'kreis' });
    expect(result.period).toBe('2020');
    expect(result.ids).toEqual(['sgb2_quote', 'income']);
    expect(result.r[0]![1]!).toBeLessThan(-0.5);
    expect(result.n[0]![1]).toBe(4);
  });

  it('groups areas into a reproducible typology', async () => {
    const query = { indicators: ['sgb2_quote', 'income'], level: 'kreis', k: 2, seed: 7 };
    const first = await analysis.typology(query);
    expect(first.clusters).toHaveLength(4);
    expect(new Set(first.clusters.map((c) => c.cluster))).toEqual(new Set([0, 1]));
    expect(first.explained).toBeGreaterThan(0.5);
  });
});
