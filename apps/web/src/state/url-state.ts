import {
  DEFAULT_VIEW_STATE,
  MAX_CLASSES,
  METHODS,
  MIN_CLASSES,
  PAGES,
  SCHEMES,
  SORT_COLUMNS,
  VIEWS,
  type TableSort,
  type ViewState,
} from './view-state.ts';

/**
 * The view state <-> the query string. Defaults are left out, unknown or invalid parameters fall
 * back to the default, so any shared link opens something sensible.
 */
export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const d = DEFAULT_VIEW_STATE;
  const text = (name: string) => p.get(name)?.trim() || null;
  const breaks = parseNumbers(p.get('breaks'));
  const method = oneOf(p.get('method'), METHODS, d.method);
  const list = (name: string) => (p.get(name) ?? '').split(',').filter((item) => item !== '');
  return {
    page: oneOf(p.get('page'), PAGES, d.page),
    area: text('area'),
    compare: list('cmp'),
    indicator: text('indicator'),
    versus: text('vs'),
    level: text('level') ?? d.level,
    parent: text('parent'),
    period: text('period'),
    method: method === 'manual' && !breaks ? d.method : method,
    classes: clampClasses(Number(p.get('classes') ?? d.classes)),
    breaks,
    scheme: oneOf(p.get('scheme'), SCHEMES, null),
    reference: parseNumber(p.get('ref')),
    selected: list('sel'),
    view: oneOf(p.get('view'), VIEWS, d.view),
    lang: oneOf(p.get('lang'), ['de', 'en'] as const, d.lang),
    q: p.get('q') ?? '',
    topic: text('topic'),
    sort: parseSort(p.get('sort')),
    filter: p.get('filter') ?? '',
    labels: p.get('labels') !== '0',
    basemap: safeUrl(p.get('basemap')),
  };
}

export function serializeViewState(state: ViewState): string {
  const d = DEFAULT_VIEW_STATE;
  const p = new URLSearchParams();
  const put = (name: string, value: string | null, fallback: string | null = null) => {
    if (value !== null && value !== '' && value !== fallback) p.set(name, value);
  };
  put('page', state.page, d.page);
  put('area', state.area);
  put('cmp', state.compare.join(','));
  put('indicator', state.indicator);
  put('vs', state.versus);
  put('level', state.level, d.level);
  put('parent', state.parent);
  put('period', state.period);
  put('method', state.method, d.method);
  put('classes', String(state.classes), String(d.classes));
  put('breaks', state.method === 'manual' && state.breaks ? state.breaks.join(',') : null);
  put('scheme', state.scheme);
  put('ref', state.reference === null ? null : String(state.reference));
  put('sel', state.selected.join(','));
  put('view', state.view, d.view);
  put('lang', state.lang, d.lang);
  put('q', state.q);
  put('topic', state.topic);
  put('sort', `${state.sort.column}-${state.sort.direction}`, `${d.sort.column}-${d.sort.direction}`);
  put('filter', state.filter);
  put('labels', state.labels ? null : '0');
  put('basemap', state.basemap);
  const query = p.toString().replace(/%2C/g, ',');
  return query === '' ? '' : `?${query}`;
}

function oneOf<T extends string, F>(value: string | null, allowed: readonly T[], fallback: F): T | F {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function clampClasses(n: number): number {
  if (!Number.isInteger(n)) return DEFAULT_VIEW_STATE.classes;
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, n));
}

function parseNumber(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function parseNumbers(text: string | null): number[] | null {
  if (!text) return null;
  const numbers = text.split(',').map((part) => parseNumber(part));
  if (numbers.some((n) => n === null)) return null;
  const list = numbers as number[];
  const ascending = list.every((n, i) => i === 0 || n > list[i - 1]!);
  return ascending && list.length > 0 && list.length < MAX_CLASSES ? list : null;
}

function parseSort(text: string | null): TableSort {
  const [column, direction] = (text ?? '').split('-');
  const col = oneOf(column ?? null, SORT_COLUMNS, null);
  const dir = oneOf(direction ?? null, ['asc', 'desc'] as const, null);
  return col && dir ? { column: col, direction: dir } : DEFAULT_VIEW_STATE.sort;
}

/** Only http(s) style URLs (or same-origin paths) may become a basemap. */
function safeUrl(text: string | null): string | null {
  if (!text) return null;
  return /^(https?:\/\/|\/)/i.test(text) ? text : null;
}
