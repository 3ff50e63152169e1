import type { Polarity } from '../domain/indicator.ts';
import type { TrendMarker } from './recent-trend.ts';

export type TrendAssessment =
  'improving' | 'worsening' | 'no_judgement' | 'no_significant_change' | 'cannot_be_calculated';

/**
 * Reads a trend marker through the indicator's polarity, as Fingertips colours its arrows: rising
 * SGB II shares are worsening, rising employment improving, a neutral indicator only moves.
 */
export function assessTrend(marker: TrendMarker, polarity: Polarity): TrendAssessment {
  if (marker === 'no_significant_change' || marker === 'cannot_be_calculated') return marker;
  if (polarity === 'neutral') return 'no_judgement';
  const higherIsBetter = polarity === 'higher_is_better';
  return (marker === 'increasing') === higherIsBetter ? 'improving' : 'worsening';
}
