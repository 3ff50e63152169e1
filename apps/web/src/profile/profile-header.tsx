import { localName } from '../i18n/i18n.ts';
import { followLink, hrefFor, lang, t, updateView, viewState } from '../state/store.ts';
import type { ViewState } from '../state/view-state.ts';
import { allRows, periodText } from './profile-format.ts';
import type { AreaProfileResponse } from './profile-types.ts';

/** The way up (parents as links), the area's name, and the period, atlas and print controls. */
export function ProfileHeader({ profile, topic }: { profile: AreaProfileResponse; topic: string | null }) {
  const l = lang.value;
  const chain = [...profile.ancestors].reverse();
  return (
    <header class="profile-header">
      {chain.length > 0 && (
        <nav aria-label={t('profile.ancestors')} class="profile-breadcrumbs">
          <ol>
            {chain.map((ancestor) => {
              const patch: Partial<ViewState> = {
                page: 'profile',
                level: ancestor.level.id,
                area: ancestor.key,
              };
              return (
                <li key={`${ancestor.level.id}:${ancestor.key}`}>
                  <a
                    href={hrefFor(patch)}
                    onClick={(event) => followLink(event, patch)}
                    aria-label={t('profile.ancestorLink', {
                      area: ancestor.name,
                      level: localName(l, ancestor.level),
                    })}
                  >
                    {ancestor.name}
                  </a>
                </li>
              );
            })}
            <li aria-current="page">{profile.area.name}</li>
          </ol>
        </nav>
      )}
      <h2 id="page-heading">{t('profile.heading', { area: profile.area.name })}</h2>
      <p class="profile-subtitle">
        {t('profile.subtitle', { level: localName(l, profile.level), key: profile.area.key })}
        {profile.period && ` · ${t('profile.stand', { period: periodText(profile.period) })}`}
        {topic && ` · ${topic}`}
      </p>
      <ProfileControls profile={profile} topic={topic} />
    </header>
  );
}

function ProfileControls({ profile, topic }: { profile: AreaProfileResponse; topic: string | null }) {
  const periods =
    profile.period && !profile.periods.includes(profile.period)
      ? [...profile.periods, profile.period].sort()
      : profile.periods;
  const atlas = atlasPatch(profile);
  const pick: Partial<ViewState> = { page: 'profile', area: null };
  return (
    <div class="profile-controls" role="group" aria-label={t('profile.controls')}>
      {periods.length > 0 && (
        <div class="field">
          <label for="profile-period">{t('profile.period')}</label>
          <select
            id="profile-period"
            value={profile.period ?? ''}
            aria-describedby="profile-period-note"
            onChange={(event) => updateView({ period: event.currentTarget.value }, 'push')}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodText(p)}
              </option>
            ))}
          </select>
          <span id="profile-period-note" class="hint">
            {t('profile.periodNote')}
          </span>
        </div>
      )}
      {profile.topics.length > 1 && (
        <div class="field">
          <label for="profile-topic">{t('profile.topic')}</label>
          <select
            id="profile-topic"
            value={topic ?? ''}
            onChange={(event) => updateView({ topic: event.currentTarget.value || null })}
          >
            <option value="">{t('profile.allTopics')}</option>
            {profile.topics.map((entry) => (
              <option key={entry.topic} value={entry.topic}>
                {entry.topic}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="profile-actions">
        <a class="button-link" href={hrefFor(atlas)} onClick={(event) => followLink(event, atlas)}>
          {t('profile.toAtlas')}
        </a>
        <a class="button-link secondary" href={hrefFor(pick)} onClick={(event) => followLink(event, pick)}>
          {t('profile.pickOther')}
        </a>
        <button type="button" onClick={() => window.print()}>
          {t('profile.print')}
        </button>
      </div>
    </div>
  );
}

/**
 * The atlas with this area selected on its level. The indicator shown stays when the profile has it;
 * otherwise the first one with a value for the area is chosen, so the map is never empty.
 */
function atlasPatch(profile: AreaProfileResponse): Partial<ViewState> {
  const rows = allRows(profile);
  const current = viewState.value.indicator;
  const keep = rows.some((row) => row.indicator.id === current);
  const first = rows.find((row) => row.value !== null) ?? rows[0];
  return {
    page: 'atlas',
    level: profile.level.id,
    parent: null,
    selected: [profile.area.key],
    indicator: keep ? current : (first?.indicator.id ?? current),
  };
}
