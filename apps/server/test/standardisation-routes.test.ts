import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ESP_2013 } from '@lagebild/core';
import { appWithFixtures } from './helpers.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, cleanup } = await appWithFixtures());
});
afterAll(async () => cleanup());

const post = async (url: string, payload: unknown) => {
  const response = await app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object });
  return { status: response.statusCode, body: response.json() };
};

describe('POST /analysis/dsr', () => {
  it('gives the crude rate and Byar limits when the population has the standard shape', async () => {
    const { status, body } = await post('/analysis/dsr', {
      standard: [1000, 2000],
      multiplier: 1000,
      groups: [
        {
          id: 'A',
          bands: [
            { count: 10, population: 1000 },
            { count: 30, population: 2000 },
          ],
        },
      ],
    });
    expect(status).toBe(200);
    const [a] = body.results;
    expect(a.value).toBeCloseTo((40 / 3000) * 1000, 12);
    expect(a.lower).toBeCloseTo(9.524433288812302, 12);
    expect(a).toMatchObject({ totalCount: 40, totalPopulation: 3000, reason: null });
  });

  it('weights the band rates by the European Standard Population 2013 and refuses below 10 events', async () => {
    const bands = ESP_2013.map((_, i) => ({ count: i + 1, population: 1000 + 100 * i }));
    const { body } = await post('/analysis/dsr', {
      groups: [
        { id: '01001', name: 'Flensburg', bands },
        { id: 'small', bands: bands.map((b, i) => ({ ...b, count: i < 9 ? 1 : 0 })) },
      ],
    });
    const expected =
      (bands.reduce((s, b, i) => s + (b.count / b.population) * ESP_2013[i]!, 0) / 100_000) * 100_000;
    expect(body.standard.bands).toHaveLength(19);
    expect(body.results[0].value).toBeCloseTo(expected, 9);
    expect(body.results[0].lower).toBeLessThan(expected);
    expect(body.results[0].upper).toBeGreaterThan(expected);
    expect(body.results[1]).toMatchObject({ id: 'small', value: null, reason: 'too-few-events' });
  });

  it('names the group whose bands do not match the standard population', async () => {
    const { status, body } = await post('/analysis/dsr', {
      groups: [{ id: 'X', bands: [{ count: 50, population: 100 }] }],
    });
    expect(status).toBe(400);
    expect(body.code).toBe('ValidationFailed');
    expect(body.message).toContain('group "X": 1 bands, expected 19');
  });
});

describe('POST /analysis/isr', () => {
  it('gives observed/expected × 100 with exact limits below 10 events', async () => {
    const { status, body } = await post('/analysis/isr', {
      reference: [
        { count: 10, population: 10_000 },
        { count: 30, population: 10_000 },
      ],
      groups: [
        {
          id: 'A',
          bands: [
            { count: 4, population: 1000 },
            { count: 3, population: 1000 },
          ],
        },
      ],
    });
    expect(status).toBe(200);
    const [a] = body.results;
    expect(a.expected).toBeCloseTo(4, 12);
    expect(a.value).toBeCloseTo(175, 12);
    expect(a.method).toBe('exact');
    // χ²(0.025; 14)/2 = 2.8143630515198654
    expect(a.lower).toBeCloseTo((2.8143630515198654 / 4) * 100, 11);
    expect(body.multiplier).toBe(100);
  });
});
