import { LoadState } from '../components/load-state.tsx';
import { followLink, hrefFor, lang, t, viewState } from '../state/store.ts';
import { AreaPicker } from './area-picker.tsx';
import { areaProfile, profileArea } from './profile-data.ts';
import { ProfileDataTables } from './profile-data-tables.tsx';
import { withTopic } from './profile-format.ts';
import { ProfileHeader } from './profile-header.tsx';
import { ProfileLegend } from './profile-legend.tsx';
import { SpineTable } from './spine-table.tsx';
import './profile.css';

/**
 * The area profile (Gebietsprofil): one area's indicators against its parent, its other ancestors
 * and all areas of its level, as a spine chart table with trends; prints as a clean A4 page.
 */
export function AreaProfilePage() {
  return (
    <main id="main" tabIndex={-1} aria-labelledby="page-heading" class="page page-profile">
      {profileArea.value ? <ProfileView /> : <AreaPicker />}
    </main>
  );
}

function ProfileView() {
  const state = areaProfile.state.value;
  const profile = state.status === 'ready' ? state.data : null;
  if (!profile) {
    const pick = { page: 'profile' as const, area: null };
    return (
      <>
        <h2 id="page-heading">{t('pages.profile')}</h2>
        {state.status === 'loading' ? (
          <p class="load-state" role="status">
            {t('profile.loading')}
          </p>
        ) : (
          <LoadState resource={state} retry={areaProfile.retry} />
        )}
        {state.status === 'error' && (
          <p>
            <a href={hrefFor(pick)} onClick={(event) => followLink(event, pick)}>
              {t('profile.pickOther')}
            </a>
          </p>
        )}
      </>
    );
  }
  const created = new Intl.DateTimeFormat(lang.value === 'de' ? 'de-DE' : 'en-GB').format(new Date());
  const shown = withTopic(profile, viewState.value.topic);
  return (
    <article class="profile" data-period={profile.period ?? ''}>
      <ProfileHeader profile={profile} topic={shown === profile ? null : shown.topics[0]!.topic} />
      <SpineTable profile={shown} />
      <ProfileLegend profile={shown} />
      <ProfileDataTables profile={shown} />
      <p class="profile-printed">{t('profile.printed', { date: created })}</p>
    </article>
  );
}
