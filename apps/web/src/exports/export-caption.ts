import { localName } from '../i18n/i18n.ts';
import { formatPeriod, type Lang } from '../lib/format.ts';
import { currentIndicator, currentLevel, effectivePeriod, parentAreas } from '../state/data.ts';
import { lang, t, viewState } from '../state/store.ts';

/** What every exported picture says about itself: what it shows, where the figures come from, when. */
export interface ExportCaption {
  title: string;
  subtitle: string;
  source: string;
  stamp: string;
  /** For file names: lagebild_<indicator>_<level>[_<parent>][_<period>]. */
  fileParts: string[];
  lang: Lang;
}

/** The caption of the current selection (indicator, level, parent, period), exported on `now`. */
export function currentCaption(now: Date = new Date()): ExportCaption {
  const l = lang.value;
  const indicator = currentIndicator.value;
  const level = currentLevel.value;
  const view = viewState.value;
  const period = effectivePeriod.value;
  const levelName = level ? localName(l, level) : view.level;
  const parent = view.parent
    ? (parentAreas.state.value.data?.features.find((f) => f.properties.key === view.parent)?.properties
        .name ?? view.parent)
    : null;
  const when = period ? formatPeriod(period, l) : '';
  const subtitle = parent
    ? t('exports.subtitleParent', { level: levelName, parent, period: when })
    : t('exports.subtitle', { level: levelName, period: when });
  return {
    title: indicator ? localName(l, indicator) : levelName,
    subtitle: subtitle.replace(/,\s*$/, ''),
    source: indicator?.source ? t('exports.source', { source: indicator.source }) : t('exports.noSource'),
    stamp: t('exports.stamp', { date: formatPeriod(now.toISOString().slice(0, 10), l) }),
    fileParts: ['lagebild', indicator?.id ?? 'gebiete', view.level, view.parent ?? '', period ?? ''].filter(
      (p) => p !== '',
    ),
    lang: l,
  };
}
