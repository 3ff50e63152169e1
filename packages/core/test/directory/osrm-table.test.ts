import { describe, expect, it } from 'vitest';
import { collectTravel, parseOsrmTable, planOsrmTable, type GeoPoint } from '../../src/index.ts';

const ALEX: GeoPoint = { lon: 13.4132, lat: 52.5219 };
const points = (n: number): GeoPoint[] =>
  Array.from({ length: n }, (_, i) => ({ lon: 13.3 + i * 0.001, lat: 52.5 + i * 0.0005 }));

/** The destinations of a request, read back from its URL (origin first). */
function coordinatesOf(url: string): string[] {
  return new URL(url).pathname.split('/').at(-1)!.split(';');
}

describe('planOsrmTable', () => {
  it('asks for the origin row of one profile after another, origin first, six decimals', () => {
    const requests = planOsrmTable('https://osrm.example/', ['foot', 'car'], ALEX, [
      { lon: 13.123456789, lat: 52.1 },
      { lon: 13.2, lat: 52.2 },
    ]);
    expect(requests.map((r) => r.url)).toEqual([
      'https://osrm.example/table/v1/foot/13.4132,52.5219;13.123457,52.1;13.2,52.2?sources=0&annotations=duration,distance',
      'https://osrm.example/table/v1/car/13.4132,52.5219;13.123457,52.1;13.2,52.2?sources=0&annotations=duration,distance',
    ]);
    expect(requests.map((r) => r.destinations)).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('keeps every request within the coordinate limit (origin included) and covers every point once', () => {
    const all = points(250);
    const requests = planOsrmTable('http://r', ['car'], ALEX, all, { maxCoordinates: 100 });
    expect(requests.map((r) => r.destinations.length)).toEqual([99, 99, 52]);
    for (const r of requests) expect(coordinatesOf(r.url)).toHaveLength(r.destinations.length + 1);
    expect(requests.flatMap((r) => r.destinations)).toEqual(all.map((_, i) => i));
    // The coordinates in the URL are the points the destinations name.
    const second = requests[1]!;
    const [lon, lat] = coordinatesOf(second.url)[1]!.split(',').map(Number);
    expect(lon).toBeCloseTo(all[99]!.lon, 6);
    expect(lat).toBeCloseTo(all[99]!.lat, 6);
  });

  it('keeps every URL within the length limit', () => {
    const all = points(60);
    const requests = planOsrmTable('http://r', ['foot'], ALEX, all, { maxUrlLength: 300 });
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) expect(r.url.length).toBeLessThanOrEqual(300);
    expect(requests.flatMap((r) => r.destinations)).toEqual(all.map((_, i) => i));
  });

  it('asks nothing for no points and refuses limits that leave no room', () => {
    expect(planOsrmTable('http://r', ['car'], ALEX, [])).toEqual([]);
    expect(() => planOsrmTable('http://r', ['car'], ALEX, points(1), { maxCoordinates: 1 })).toThrow(
      /maxCoordinates must be a whole number ≥ 2, got 1/,
    );
    expect(() => planOsrmTable('http://r', ['car'], ALEX, points(1), { maxUrlLength: 20 })).toThrow(
      /no room for one point/,
    );
  });
});

describe('parseOsrmTable', () => {
  it('reads the origin row without the origin itself; unreachable destinations are null', () => {
    // The shape of OSRM's documented answer (code, durations, distances, sources, destinations).
    const body = {
      code: 'Ok',
      durations: [[0, 720.4, null, 95]],
      distances: [[0, 1000.2, null, 120]],
      sources: [{ location: [13.4132, 52.5219], name: 'Alexanderplatz' }],
      destinations: [],
    };
    expect(parseOsrmTable(body, 3)).toEqual({
      durations: [720.4, null, 95],
      distances: [1000.2, null, 120],
    });
  });

  it('accepts a server that does not annotate distances', () => {
    expect(parseOsrmTable({ code: 'Ok', durations: [[0, 60]] }, 1)).toEqual({
      durations: [60],
      distances: [null],
    });
  });

  it('names what is wrong with an answer it cannot use', () => {
    expect(() => parseOsrmTable({ code: 'InvalidQuery', message: 'Query string malformed' }, 2)).toThrow(
      'routing service answered code "InvalidQuery": Query string malformed',
    );
    expect(() => parseOsrmTable(null, 2)).toThrow('routing service answered code null');
    expect(() => parseOsrmTable({ code: 'Ok' }, 2)).toThrow('without durations');
    expect(() => parseOsrmTable({ code: 'Ok', durations: [[0, 1]] }, 2)).toThrow(
      'expected durations as one row of 3 values, got an array of 2',
    );
  });
});

describe('collectTravel', () => {
  it('puts the estimates of every chunk and profile back on their points, in profile order', () => {
    const all = points(3);
    const requests = planOsrmTable('http://r', ['foot', 'car'], ALEX, all, { maxCoordinates: 3 });
    expect(requests.map((r) => [r.profile, r.destinations])).toEqual([
      ['foot', [0, 1]],
      ['foot', [2]],
      ['car', [0, 1]],
      ['car', [2]],
    ]);
    const rows = [
      { durations: [10, 20], distances: [11, 21] },
      { durations: [30], distances: [31] },
      { durations: [1, 2], distances: [null, null] },
      { durations: [null], distances: [null] },
    ];
    const travel = collectTravel(
      3,
      requests.map((request, i) => ({ request, row: rows[i]! })),
    );
    expect(travel[2]).toEqual([
      { profile: 'foot', durationSeconds: 30, distanceMeters: 31 },
      { profile: 'car', durationSeconds: null, distanceMeters: null },
    ]);
    expect(travel[1]!.map((t) => t.durationSeconds)).toEqual([20, 2]);
  });
});
