/**
 * One look per compared area, by its position in the selection: colours told apart with the common
 * colour-vision deficiencies (Okabe–Ito and Tol, darkened to at least 3:1 against white) and, so that
 * colour is never the only cue, a dash pattern and a marker of its own.
 */
export interface AreaStyle {
  color: string;
  /** ECharts line type: a keyword or a dash array in pixels. */
  dash: 'solid' | 'dashed' | 'dotted' | number[];
  /** The same pattern as an SVG stroke-dasharray (for the legend swatches). */
  dashArray: string;
  symbol: 'circle' | 'triangle' | 'rect' | 'diamond' | 'pin' | 'arrow' | 'roundRect' | 'emptyCircle';
}

export const AREA_STYLES: readonly AreaStyle[] = [
  { color: '#0072b2', dash: 'solid', dashArray: '', symbol: 'circle' },
  { color: '#d55e00', dash: 'dashed', dashArray: '6 3', symbol: 'triangle' },
  { color: '#117733', dash: 'dotted', dashArray: '2 3', symbol: 'rect' },
  { color: '#aa4499', dash: [10, 3, 2, 3], dashArray: '10 3 2 3', symbol: 'diamond' },
  { color: '#332288', dash: [2, 2, 8, 2], dashArray: '2 2 8 2', symbol: 'emptyCircle' },
  { color: '#8a6100', dash: [12, 4], dashArray: '12 4', symbol: 'arrow' },
  { color: '#000000', dash: [4, 2, 4, 6], dashArray: '4 2 4 6', symbol: 'roundRect' },
  { color: '#b8475a', dash: [1, 4], dashArray: '1 4', symbol: 'pin' },
];

export function areaStyle(index: number): AreaStyle {
  return AREA_STYLES[index % AREA_STYLES.length]!;
}

/** A small drawing of the line and marker (SVG path data for markers the swatch draws). */
export function markerPath(symbol: AreaStyle['symbol']): string {
  switch (symbol) {
    case 'triangle':
      return 'M12 3 L16 10 L8 10 Z';
    case 'rect':
    case 'roundRect':
      return 'M8.5 3.5 H15.5 V10.5 H8.5 Z';
    case 'diamond':
      return 'M12 2 L16 7 L12 12 L8 7 Z';
    case 'arrow':
      return 'M12 2 L16 12 L12 9 L8 12 Z';
    case 'pin':
      return 'M12 12 L9 6 A3 3 0 1 1 15 6 Z';
    default:
      return 'M8 7 A4 4 0 1 0 16 7 A4 4 0 1 0 8 7 Z';
  }
}
