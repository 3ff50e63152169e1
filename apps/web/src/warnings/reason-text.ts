import type { MessageKey } from '../i18n/i18n.ts';
import { formatNumber, formatPeriod, type Lang } from '../lib/format.ts';
import type { WarningReason } from './warning-types.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A warning reason in the user's language. The engine's `message` is English for logs and the CLI;
 * the page builds its sentence from the structured details instead, with the indicator's decimals.
 */
export function reasonText(reason: WarningReason, decimals: number, lang: Lang, t: Translate): string {
  const d = reason.details;
  const num = (value: unknown, places = decimals) =>
    typeof value === 'number' ? formatNumber(value, places, lang) : '–';
  const period = formatPeriod(reason.period, lang);
  const from = typeof d['fromPeriod'] === 'string' ? formatPeriod(d['fromPeriod'], lang) : '–';
  switch (reason.kind) {
    case 'threshold':
      return t(
        d['direction'] === 'below' ? 'warnings.reason.thresholdBelow' : 'warnings.reason.thresholdAbove',
        {
          value: num(reason.value),
          threshold: num(d['threshold']),
          period,
        },
      );
    case 'deviation':
      return t('warnings.reason.deviation', {
        value: num(reason.value),
        z: num(d['z'], 2),
        reference: num(d['reference']),
        k: num(d['k'], 1),
        period,
      });
    case 'worsening_trend':
      return t(
        d['marker'] === 'decreasing' ? 'warnings.reason.trendDecreasing' : 'warnings.reason.trendIncreasing',
        { from, period, chi: num(d['chiSquare'], 2) },
      );
    case 'class_drop':
      return t('warnings.reason.classDrop', {
        fromClass: String(d['fromClass'] ?? '–'),
        toClass: String(d['toClass'] ?? '–'),
        from,
        period,
        steps: num(d['steps'], 0),
      });
  }
}
