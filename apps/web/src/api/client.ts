import type {
  ApiErrorBody,
  AreaCollection,
  CatalogueEntry,
  Level,
  PyramidResponse,
  PyramidSummary,
  SeriesResponse,
  ValuesResponse,
} from './types.ts';
import type { WarningsResponse } from '../warnings/warning-types.ts';
import type { AreaProfileResponse } from '../profile/profile-types.ts';
import type { CompareAreasResponse } from '../compare/compare-types.ts';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

export interface AreaQuery {
  parent?: string | null;
  simplify?: number;
  geometry?: boolean;
  at?: string;
}

type FetchLike = (input: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** A typed client for /api/v1; every method returns the parsed JSON or throws an ApiError. */
export function createApiClient(base = '/api/v1', fetchImpl: FetchLike = (i, o) => fetch(i, o)) {
  async function get<T>(
    path: string,
    params: Record<string, string | number | undefined | null> = {},
    signal?: AbortSignal,
  ): Promise<T> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
    }
    const url = `${base}${path}${query.size > 0 ? `?${query}` : ''}`;
    const response = await fetchImpl(url, { signal });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
      throw new ApiError(
        response.status,
        body ?? { code: 'HttpError', message: `${url}: HTTP ${response.status}`, details: null },
      );
    }
    return (await response.json()) as T;
  }
  const id = encodeURIComponent;

  return {
    listLevels: (signal?: AbortSignal) =>
      get<{ levels: Level[] }>('/levels', {}, signal).then((r) => r.levels),
    listIndicators: (signal?: AbortSignal) =>
      get<{ indicators: CatalogueEntry[] }>('/indicators', {}, signal).then((r) => r.indicators),
    listPeriods: (indicator: string, level: string, signal?: AbortSignal) =>
      get<{ periods: string[] }>(`/indicators/${id(indicator)}/periods`, { level }, signal).then(
        (r) => r.periods,
      ),
    getValues: (indicator: string, level: string, period: string | null, signal?: AbortSignal) =>
      get<ValuesResponse>(`/indicators/${id(indicator)}/values`, { level, period }, signal),
    getSeries: (indicator: string, level: string, area: string, signal?: AbortSignal) =>
      get<SeriesResponse>(`/indicators/${id(indicator)}/series`, { level, area }, signal),
    compareAreas: (
      query: { level: string; areas: string[]; indicators: string[]; period: string | null },
      signal?: AbortSignal,
    ) =>
      get<CompareAreasResponse>(
        '/compare',
        { ...query, areas: query.areas.join(','), indicators: query.indicators.join(',') },
        signal,
      ),
    getAreaProfile: (level: string, area: string, period: string | null, signal?: AbortSignal) =>
      get<AreaProfileResponse>(`/levels/${id(level)}/areas/${id(area)}/profile`, { period }, signal),
    getWarnings: (signal?: AbortSignal) => get<WarningsResponse>('/analysis/warnings', {}, signal),
    listIndexPresets: (signal?: AbortSignal) =>
      get<{ presets: { id: string; name: string }[] }>('/indices', {}, signal).then((r) => r.presets),
    listPyramids: (signal?: AbortSignal) =>
      get<{ pyramids: PyramidSummary[] }>('/pyramids', {}, signal).then((r) => r.pyramids),
    getPyramid: (
      pyramid: string,
      query: { level: string; key: string; period: string | null },
      signal?: AbortSignal,
    ) => get<PyramidResponse>(`/pyramids/${id(pyramid)}`, query, signal),
    listAreas: (level: string, query: AreaQuery = {}, signal?: AbortSignal) =>
      get<AreaCollection>(
        `/levels/${id(level)}/areas`,
        {
          parent: query.parent,
          simplify: query.simplify,
          at: query.at,
          geometry: query.geometry === false ? 'false' : undefined,
        },
        signal,
      ),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
