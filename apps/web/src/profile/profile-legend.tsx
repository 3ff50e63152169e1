import { t } from '../state/store.ts';
import { allRows } from './profile-format.ts';
import type { AreaProfileResponse, ProfileOutcome } from './profile-types.ts';
import { LegendSwatch, OutcomeMarker } from './spine-svg.tsx';

const OUTCOMES: ProfileOutcome[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'];

/** What the marks mean, how the comparison works, and where the figures come from. */
export function ProfileLegend({ profile }: { profile: AreaProfileResponse }) {
  const rows = allRows(profile);
  const used = new Set(rows.map((row) => row.comparison.outcome));
  const sources = [...new Set(rows.map((row) => row.indicator.source).filter((s): s is string => !!s))];
  const aggregated = rows.some((row) =>
    row.references.some((r) => r.basis === 'aggregated' && r.value !== null),
  );
  return (
    <section class="profile-legend" aria-labelledby="profile-legend-heading">
      <h3 id="profile-legend-heading">{t('profile.legend')}</h3>
      <ul class="legend-marks">
        {OUTCOMES.filter((o) => used.has(o)).map((outcome) => (
          <li key={outcome}>
            <OutcomeMarker outcome={outcome} /> {t(`profile.outcome.${outcome}`)}
          </li>
        ))}
        <li>
          <LegendSwatch part="range" /> {t('profile.legend.range')}
        </li>
        <li>
          <LegendSwatch part="band" /> {t('profile.legend.band')}
        </li>
        <li>
          <LegendSwatch part="median" /> {t('profile.legend.median')}
        </li>
        <li>
          <LegendSwatch part="parent" /> {t('profile.legend.parent')}
        </li>
        <li>
          <LegendSwatch part="areaLine" /> {t('profile.legend.areaLine')}
        </li>
        <li>
          <LegendSwatch part="parentLine" /> {t('profile.legend.parentLine')}
        </li>
        {aggregated && <li>* {t('profile.aggregated')}</li>}
      </ul>
      <p class="profile-method">
        <strong>{t('profile.method')}:</strong> {t('profile.methodText')}
      </p>
      {sources.length > 0 && (
        <p class="profile-sources">{t('profile.sources', { sources: sources.join('; ') })}</p>
      )}
    </section>
  );
}
