import {
  collectTravel,
  parseOsrmTable,
  planOsrmTable,
  type GeoPoint,
  type OsrmLimits,
  type TravelEstimate,
} from '@lagebild/core';

export interface RoutingOptions extends OsrmLimits {
  /** Base URL of an OSRM-compatible service. */
  url: string;
  /** Profiles as the service's URLs name them, e.g. foot and car. */
  profiles: string[];
  /** Longest wait for all requests of one search together. */
  timeoutMs: number;
  userAgent?: string;
}

export type TravelAnswer = { travel: TravelEstimate[][] } | { error: string };

/** Travel time and road distance from a point to many, through the routing service's `table`. */
export interface TravelTimes {
  readonly profiles: readonly string[];
  from(origin: GeoPoint, points: readonly GeoPoint[]): Promise<TravelAnswer>;
}

/**
 * One `table` request per profile and chunk of destinations, all at once, under one deadline. Any
 * failure (unreachable, HTTP error, timeout, an answer of the wrong shape) becomes an `error` in
 * words: a search never fails because the routing service does.
 */
export function createTravelTimes(options: RoutingOptions, fetchImpl: typeof fetch = fetch): TravelTimes {
  const base = options.url.replace(/\/+$/, '');
  const headers = { Accept: 'application/json', 'User-Agent': options.userAgent ?? 'Lagebild (Wegweiser)' };
  return {
    profiles: options.profiles,
    async from(origin, points) {
      if (points.length === 0) return { travel: [] };
      const signal = AbortSignal.timeout(options.timeoutMs);
      try {
        const requests = planOsrmTable(base, options.profiles, origin, points, options);
        const answers = await Promise.all(
          requests.map(async (request) => {
            const response = await fetchImpl(request.url, { headers, signal });
            const body = (await response.json().catch(() => null)) as unknown;
            if (!response.ok && (body as { code?: unknown } | null)?.code === undefined)
              throw new Error(`HTTP ${response.status}`);
            return { request, row: parseOsrmTable(body, request.destinations.length) };
          }),
        );
        return { travel: collectTravel(points.length, answers) };
      } catch (error) {
        const reason = signal.aborted
          ? `no answer within ${options.timeoutMs} ms`
          : (error as Error).message.replace(/^routing service:? ?/, '');
        return { error: `routing service ${base}: ${reason}` };
      }
    },
  };
}
