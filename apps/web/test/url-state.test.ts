import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../src/state/url-state.ts';
import { DEFAULT_VIEW_STATE, type ViewState } from '../src/state/view-state.ts';

describe('view state in the URL', () => {
  it('leaves defaults out and reads them back', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('round-trips a full view', () => {
    const state: ViewState = {
      page: 'compare',
      area: '01011101',
      compare: ['mss_s1', 'mss_s3'],
      indicator: 'mss_s1',
      versus: 'mss_s3',
      level: 'berlin-plr',
      parent: '010111',
      period: '2014-12-31',
      method: 'manual',
      classes: 4,
      breaks: [-1.5, 0, 2.25],
      scheme: 'rdbu',
      reference: 0.5,
      selected: ['01011101', '01011102'],
      view: 'table',
      lang: 'en',
      q: 'Arbeitslosigkeit',
      topic: 'Monitoring Soziale Stadtentwicklung',
      sort: { column: 'value', direction: 'desc' },
      filter: 'Stüler',
      labels: false,
      basemap: 'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json',
    };
    const query = serializeViewState(state);
    expect(query).toContain('sel=01011101,01011102');
    expect(query).toContain('breaks=-1.5,0,2.25');
    expect(query).toContain('vs=mss_s3');
    expect(parseViewState(query)).toEqual(state);
  });

  it('falls back to defaults for invalid parameters', () => {
    const state = parseViewState(
      '?page=nowhere&method=magic&classes=42&view=globe&lang=fr&sort=colour-up&scheme=rainbow&basemap=javascript:alert(1)',
    );
    expect(state.page).toBe('atlas');
    expect(state.method).toBe('quantile');
    expect(state.classes).toBe(9);
    expect(state.view).toBe('both');
    expect(state.lang).toBe('de');
    expect(state.sort).toEqual(DEFAULT_VIEW_STATE.sort);
    expect(state.scheme).toBeNull();
    expect(state.basemap).toBeNull();
  });

  it('drops manual classification without valid ascending breaks', () => {
    expect(parseViewState('?method=manual&breaks=3,2').method).toBe('quantile');
    expect(parseViewState('?method=manual&breaks=1,x').breaks).toBeNull();
    expect(parseViewState('?method=manual&breaks=1,2').breaks).toEqual([1, 2]);
  });
});

describe('the scatter chart’s second indicator in the URL', () => {
  it('is read from `vs` and left out when none is chosen', () => {
    expect(parseViewState('?indicator=alq_alle&vs=gisd_score').versus).toBe('gisd_score');
    expect(parseViewState('?indicator=alq_alle&vs=%20').versus).toBeNull();
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, indicator: 'alq_alle' })).not.toContain('vs=');
  });
});
