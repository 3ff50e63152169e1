import { CLASSIFY_METHODS, type ClassifyMethodName } from '../../../../packages/core/src/classify/index.ts';
import { SCHEME_NAMES, type SchemeName } from '../lib/colour-schemes.ts';
import type { Lang } from '../lib/format.ts';

/** The pages of the app; each has its own URL (the `page` parameter) so it can be bookmarked. */
export const PAGES = ['atlas', 'profile', 'compare', 'warnings'] as const;
export type PageName = (typeof PAGES)[number];

export const VIEWS = ['both', 'map', 'table'] as const;
export type ViewName = (typeof VIEWS)[number];

export const SORT_COLUMNS = ['name', 'key', 'value'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface TableSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 9;

/**
 * Everything that defines what the planner sees. It is mirrored in the URL (see url-state.ts), so a
 * view can be bookmarked and shared; nothing else lives in the URL.
 */
export interface ViewState {
  page: PageName;
  /** The area of the area profile (a key on `level`). */
  area: string | null;
  /** The indicators of the comparison page (the areas compared are `selected`). */
  compare: string[];
  indicator: string | null;
  /** The second indicator of the scatter chart (x axis; the map's indicator is y). */
  versus: string | null;
  level: string;
  /** Only the areas inside this area of the parent level. */
  parent: string | null;
  /** null: the latest period with values. */
  period: string | null;
  method: ClassifyMethodName;
  classes: number;
  /** Inner class limits for the `manual` method. */
  breaks: number[] | null;
  /** null: chosen from the indicator's polarity. */
  scheme: SchemeName | null;
  /** Reference value of diverging schemes; null: the mean of the areas shown. */
  reference: number | null;
  selected: string[];
  view: ViewName;
  lang: Lang;
  /** Search text and topic of the indicator browser. */
  q: string;
  topic: string | null;
  sort: TableSort;
  /** Text filter of the table. */
  filter: string;
  /** Area names on the map (shown when few enough areas are in view). */
  labels: boolean;
  /** A MapLibre style URL for a basemap; null: no basemap. */
  basemap: string | null;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  page: 'atlas',
  area: null,
  compare: [],
  indicator: null,
  versus: null,
  level: 'kreis',
  parent: null,
  period: null,
  method: 'quantile',
  classes: 5,
  breaks: null,
  scheme: null,
  reference: null,
  selected: [],
  view: 'both',
  lang: 'de',
  q: '',
  topic: null,
  sort: { column: 'name', direction: 'asc' },
  filter: '',
  labels: true,
  basemap: null,
};

export const METHODS: readonly ClassifyMethodName[] = CLASSIFY_METHODS;
export const SCHEMES: readonly SchemeName[] = SCHEME_NAMES;
