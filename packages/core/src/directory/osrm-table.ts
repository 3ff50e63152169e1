import { DomainError } from '../domain/errors.ts';
import type { GeoPoint } from './directory-types.ts';

/**
 * Travel time and road distance from a search point to its results, through an OSRM-compatible
 * routing service (`table` service, http://project-osrm.org/docs/v5.24.0/api/#table-service). The
 * pure half lives here: splitting the destinations into requests that fit the server's limits, and
 * reading its answer. Fetching is the server's job.
 */

/** One way of travelling to one result; null where the service found no route. */
export interface TravelEstimate {
  profile: string;
  durationSeconds: number | null;
  distanceMeters: number | null;
}

export interface OsrmTableRequest {
  profile: string;
  /** The request URL: the origin first, then the destinations of this chunk. */
  url: string;
  /** Indices (into the points given to planOsrmTable) of this chunk's destinations, in order. */
  destinations: number[];
}

export interface OsrmLimits {
  /**
   * Coordinates per request, origin included. OSRM's `--max-table-size` defaults to 100, and the
   * public demo server keeps that default.
   */
  maxCoordinates?: number;
  /** Characters per URL; 8 KiB is the common default of nginx and Node in front of OSRM. */
  maxUrlLength?: number;
}

/** Six decimals are about 0.1 m, finer than any address; shorter URLs fit more points. */
const coordinate = (p: GeoPoint) => `${round6(p.lon)},${round6(p.lat)}`;
const round6 = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * The table requests for one origin and its destinations: one chunk per profile and group of
 * destinations, each within `maxCoordinates` and `maxUrlLength`. `sources=0` asks for the origin's
 * row only, so the answer is one row per chunk.
 */
export function planOsrmTable(
  base: string,
  profiles: readonly string[],
  origin: GeoPoint,
  points: readonly GeoPoint[],
  limits: OsrmLimits = {},
): OsrmTableRequest[] {
  const maxCoordinates = limits.maxCoordinates ?? 100;
  const maxUrlLength = limits.maxUrlLength ?? 8000;
  if (!Number.isInteger(maxCoordinates) || maxCoordinates < 2)
    throw new DomainError(
      'ValidationFailed',
      `maxCoordinates must be a whole number ≥ 2, got ${maxCoordinates}`,
    );
  const root = base.replace(/\/+$/, '');
  const requests: OsrmTableRequest[] = [];
  for (const profile of profiles) {
    const prefix = `${root}/table/v1/${encodeURIComponent(profile)}/${coordinate(origin)}`;
    const suffix = '?sources=0&annotations=duration,distance';
    let chunk: number[] = [];
    let length = prefix.length + suffix.length;
    const flush = () => {
      if (chunk.length === 0) return;
      const coordinates = chunk.map((i) => coordinate(points[i]!)).join(';');
      requests.push({ profile, url: `${prefix};${coordinates}${suffix}`, destinations: chunk });
      chunk = [];
      length = prefix.length + suffix.length;
    };
    points.forEach((point, i) => {
      const add = coordinate(point).length + 1;
      if (length + add > maxUrlLength && chunk.length === 0)
        throw new DomainError(
          'ValidationFailed',
          `maxUrlLength ${maxUrlLength} leaves no room for one point`,
        );
      if (chunk.length + 1 >= maxCoordinates || length + add > maxUrlLength) flush();
      chunk.push(i);
      length += add;
    });
    flush();
  }
  return requests;
}

export interface OsrmRow {
  /** Seconds to each destination of the chunk, in order; null: no route. */
  durations: (number | null)[];
  /** Metres; null: no route, or a server that does not annotate distances. */
  distances: (number | null)[];
}

/**
 * Reads a table answer for one chunk of `count` destinations. OSRM answers one row per source with
 * one column per coordinate (the origin's own column first, since no `destinations` were given).
 * A `code` other than `Ok` or a row of the wrong shape is an error that says what was found.
 */
export function parseOsrmTable(body: unknown, count: number): OsrmRow {
  const answer = (body ?? {}) as {
    code?: unknown;
    message?: unknown;
    durations?: unknown;
    distances?: unknown;
  };
  if (answer.code !== 'Ok') {
    const message = typeof answer.message === 'string' ? `: ${answer.message}` : '';
    throw new DomainError(
      'ValidationFailed',
      `routing service answered code ${JSON.stringify(answer.code ?? null)}${message}`,
    );
  }
  const durations = row(answer.durations, count, 'durations');
  if (durations === null)
    throw new DomainError('ValidationFailed', 'routing service answered without durations');
  return { durations, distances: row(answer.distances, count, 'distances') ?? durations.map(() => null) };
}

function row(matrix: unknown, count: number, name: string): (number | null)[] | null {
  if (matrix === undefined) return null;
  const first = Array.isArray(matrix) ? (matrix[0] as unknown) : undefined;
  if (!Array.isArray(first) || first.length !== count + 1)
    throw new DomainError(
      'ValidationFailed',
      `routing service: expected ${name} as one row of ${count + 1} values, got ${describe(first ?? matrix)}`,
    );
  return first
    .slice(1)
    .map((v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === null ? 'null' : typeof value;
}

/** Travel estimates per destination from the chunks' rows, in the order of the points. */
export function collectTravel(
  count: number,
  answers: readonly { request: OsrmTableRequest; row: OsrmRow }[],
): TravelEstimate[][] {
  const travel: TravelEstimate[][] = Array.from({ length: count }, () => []);
  for (const { request, row } of answers)
    request.destinations.forEach((point, j) =>
      travel[point]!.push({
        profile: request.profile,
        durationSeconds: row.durations[j] ?? null,
        distanceMeters: row.distances[j] ?? null,
      }),
    );
  return travel;
}
