import { describe, expect, it } from 'vitest';
import {
  areaIndex,
  combineStatuses,
  framesFromObservations,
  observationsFromFrame,
  readColumn,
  readNumber,
  REASON_CODE,
  reasonOfCode,
  STATUS_CODE,
  statusOfCode,
  strongestMissingReason,
} from '../../src/derive/index.ts';
import {
  MISSING_REASONS,
  OBSERVATION_STATUSES,
  type MissingReason,
  type Observation,
} from '../../src/domain/observation.ts';
import { mulberry32, pick, randomObservations } from './random-observations.ts';

const VALUE_STATUSES = ['final', 'provisional', 'estimated'] as const;

describe('value codes', () => {
  it('order missing reasons as strongestMissingReason does, so the strongest is the largest code', () => {
    for (const a of MISSING_REASONS)
      for (const b of MISSING_REASONS) {
        const strongest = strongestMissingReason([a, b]);
        expect(Math.max(REASON_CODE[a], REASON_CODE[b])).toBe(REASON_CODE[strongest]);
      }
  });

  it('order value statuses as combineStatuses does, and put every missing reading above them', () => {
    for (const a of VALUE_STATUSES)
      for (const b of VALUE_STATUSES)
        expect(Math.max(STATUS_CODE[a], STATUS_CODE[b])).toBe(STATUS_CODE[combineStatuses([a, b])]);
    const highestValue = Math.max(...VALUE_STATUSES.map((s) => STATUS_CODE[s]));
    for (const reason of MISSING_REASONS) expect(REASON_CODE[reason]).toBeGreaterThan(highestValue);
  });

  it('map every status and reason to a code and back', () => {
    for (const status of OBSERVATION_STATUSES) expect(statusOfCode(STATUS_CODE[status])).toBe(status);
    for (const reason of MISSING_REASONS) expect(reasonOfCode(REASON_CODE[reason])).toBe(reason);
    expect(reasonOfCode(0)).toBeNull();
    expect(() => statusOfCode(0)).toThrow('no observation status has code 0');
  });
});

describe('framesFromObservations and observationsFromFrame', () => {
  it('round-trip every observation exactly, counts included', () => {
    const rnd = mulberry32(7);
    const observations = randomObservations(rnd, {
      indicators: ['a', 'b'],
      levels: ['gemeinde', 'kreis'],
      areas: ['01', '02', '03', '04'],
      periods: ['2020', '2021'],
      coverage: 0.8,
    }).map((o) => ({
      ...o,
      numerator: rnd() < 0.5 ? pick(rnd, [0, 3, 12.5]) : null,
      denominator: rnd() < 0.5 ? pick(rnd, [0, 40, 100]) : null,
    }));
    const frames = framesFromObservations(observations);
    expect([...frames.keys()].sort()).toEqual(['gemeinde', 'kreis']);
    const back = [...frames.values()].flatMap((frame) => observationsFromFrame(frame));
    const key = (o: Observation) => `${o.indicatorId} ${o.levelId} ${o.areaKey} ${o.period}`;
    const sorted = (list: Observation[]) => [...list].sort((x, y) => (key(x) < key(y) ? -1 : 1));
    expect(sorted(back)).toEqual(sorted(observations));
  });

  it('indexes the given areas first, in their order, and lists indicators without values', () => {
    const obs: Observation = {
      indicatorId: 'a',
      levelId: 'g',
      areaKey: 'Z',
      period: '2020',
      value: 1,
      numerator: null,
      denominator: null,
      status: 'final',
      missingReason: null,
    };
    const frame = framesFromObservations([obs], {
      areas: new Map([['g', ['B', 'A']]]),
      indicators: ['a', 'empty'],
    }).get('g')!;
    expect(frame.areas.keys).toEqual(['B', 'A', 'Z']);
    expect([...frame.columns.keys()]).toEqual(['a', 'empty']);
    expect(frame.columns.get('empty')!.size).toBe(0);
  });

  it('rejects an area listed twice', () => {
    expect(() => areaIndex(['A', 'B', 'A'])).toThrow('area key A is listed twice');
  });
});

describe('readColumn', () => {
  it('reads every cell as readNumber reads the observation', () => {
    const rnd = mulberry32(11);
    const areas = Array.from({ length: 300 }, (_, i) => `A${i}`);
    const observations = randomObservations(rnd, {
      indicators: ['a'],
      levels: ['g'],
      areas,
      periods: ['2020'],
      coverage: 0.9,
    });
    const frame = framesFromObservations(observations, { areas: new Map([['g', areas]]) }).get('g')!;
    const column = frame.columns.get('a')!.get('2020')!;
    for (const nothingAsZero of [true, false]) {
      const reading = readColumn(column, nothingAsZero);
      for (const o of observations) {
        const i = frame.areas.positions.get(o.areaKey)!;
        const expected = readNumber(o.value, o.status, o.missingReason, { nothingAsZero });
        if (expected.kind === 'value') {
          expect(reading.codes[i]).toBe(STATUS_CODE[expected.status]);
          expect(reading.values[i]).toBe(expected.value);
        } else expect(reasonOfCode(reading.codes[i]!)).toBe(expected.reason as MissingReason);
      }
      const absent = areas.filter((key) => !observations.some((o) => o.areaKey === key));
      expect(absent.length).toBeGreaterThan(0);
      for (const key of absent) expect(reading.codes[frame.areas.positions.get(key)!]).toBe(0);
    }
  });
});
