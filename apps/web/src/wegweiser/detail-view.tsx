import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, formatPeriod } from '../lib/format.ts';
import { httpUrl } from '../lib/safe-url.ts';
import {
  addressLine,
  nameIn,
  portalApi,
  type CategoriesResponse,
  type DirectoryService,
} from './portal-api.ts';
import { AtlasLink } from './atlas-link.tsx';
import { distanceKm } from './portal-state.ts';
import { hrefFor, lang, navigate, portalState, t } from './portal-store.ts';
import type { Places } from './places.ts';
import { placeName } from './results-section.tsx';
import type { WegweiserKey } from './wegweiser.i18n.ts';

/** One entry on its own page: every field, the distance from the search point, print and share. */
export function DetailView({
  places,
  categories,
}: {
  places: Places | null;
  categories: CategoriesResponse | null;
}) {
  const state = portalState.value;
  const l = lang.value;
  const [service, setService] = useState<DirectoryService | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shared, setShared] = useState<'idle' | 'copied' | 'failed'>('idle');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setService(null);
    setError(null);
    portalApi.service(state.entry, abort.signal).then(setService, (e: Error & { status?: number }) => {
      if (!abort.signal.aborted) setError(e.status === 404 ? t('detail.notFound') : e.message);
    });
    return () => abort.abort();
  }, [state.entry]);

  // A new page for screen reader and keyboard users: focus moves to its heading.
  useEffect(() => heading.current?.focus(), [service?.id]);

  const back = (
    <a
      class="ww-back"
      href={hrefFor({ entry: '' })}
      onClick={(e) => {
        e.preventDefault();
        const id = state.entry;
        navigate({ entry: '' });
        requestAnimationFrame(() =>
          document.querySelector<HTMLAnchorElement>(`[data-id="${CSS.escape(id)}"] a.ww-open`)?.focus(),
        );
      }}
    >
      {t('detail.back')}
    </a>
  );
  if (error) {
    return (
      <article class="ww-detail">
        {back}
        <p role="alert">{error}</p>
      </article>
    );
  }
  if (!service) return <p role="status">{t('app.loading')}</p>;

  const notGiven = <span class="ww-none">{t('detail.notGiven')}</span>;
  const location = service.facility?.location;
  const distance =
    location && state.lat !== null && state.lon !== null
      ? distanceKm({ lat: state.lat, lon: state.lon }, location)
      : null;
  const groupName = (id: string) => {
    const g = categories?.targetGroups.find((x) => x.id === id);
    return g ? nameIn(l, g) : id;
  };
  const phaseName = (id: string) => {
    const p = categories?.lifePhases.find((x) => x.id === id);
    return p ? nameIn(l, p) : id;
  };
  const date = (iso: string | null) => (iso ? formatPeriod(iso.slice(0, 10), l) : null);
  const share = async () => {
    try {
      await navigator.clipboard.writeText(pageUrl());
      setShared('copied');
    } catch {
      setShared('failed');
    }
  };
  const row = (key: WegweiserKey, value: ComponentChildren) => (
    <div class="ww-row">
      <dt>{t(key)}</dt>
      <dd>{value ?? notGiven}</dd>
    </div>
  );
  const contact = [service.contact.phone, service.contact.email, service.contact.person].some(Boolean) ? (
    <ul class="ww-plain">
      {service.contact.phone && (
        <li>
          {t('detail.phone')}:{' '}
          <a href={`tel:${service.contact.phone.replace(/[^\d+]/g, '')}`}>{service.contact.phone}</a>
        </li>
      )}
      {service.contact.email && (
        <li>
          {t('detail.email')}: <a href={`mailto:${service.contact.email}`}>{service.contact.email}</a>
        </li>
      )}
      {service.contact.person && (
        <li>
          {t('detail.person')}: {service.contact.person}
        </li>
      )}
    </ul>
  ) : null;
  const website = service.website ?? service.provider?.website ?? null;

  return (
    <article class="ww-detail" data-id={service.id}>
      <nav class="ww-detail-nav no-print">{back}</nav>
      <h1 ref={heading} tabIndex={-1}>
        {service.name}
      </h1>
      <p class="ww-card-category">{nameIn(l, service.category) || service.category.id}</p>
      <div class="ww-actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('detail.print')}
        </button>
        <button type="button" onClick={() => void share()}>
          {t('detail.share')}
        </button>
      </div>
      <div role="status" class="ww-status no-print">
        {shared === 'copied' && t('detail.copied')}
        {shared === 'failed' && (
          <>
            {t('detail.copyFailed')}{' '}
            <input type="text" readOnly value={pageUrl()} aria-label={t('detail.link')} size={40} />
          </>
        )}
      </div>
      <dl class="ww-facts">
        {distance !== null &&
          row(
            'detail.distance',
            <span class="ww-distance">
              {t('detail.distanceFrom', {
                km: formatNumber(distance, 1, l),
                place: placeName(places) || '–',
              })}
            </span>,
          )}
        {row('detail.address', addressLine(service) || null)}
        {row(
          'detail.provider',
          service.provider ? (
            <>
              {service.provider.name}
              {service.provider.umbrella && (
                <> ({t('detail.umbrella', { name: service.provider.umbrella })})</>
              )}
            </>
          ) : null,
        )}
        {row('detail.category', nameIn(l, service.category) || service.category.id)}
        {row(
          'detail.targetGroups',
          service.targetGroups.length ? service.targetGroups.map(groupName).join(', ') : null,
        )}
        {row(
          'detail.lifePhases',
          service.lifePhases.length ? service.lifePhases.map(phaseName).join(', ') : null,
        )}
        {row('detail.places', service.capacity !== null ? formatNumber(service.capacity, 0, l) : null)}
        {row(
          'detail.freePlaces',
          service.freePlaces !== null
            ? service.freePlacesDate
              ? t('detail.freePlacesAt', { count: service.freePlaces, date: date(service.freePlacesDate)! })
              : String(service.freePlaces)
            : null,
        )}
        {row('detail.openingHours', service.openingHours)}
        {row('detail.costs', service.costs)}
        {row('detail.contact', contact)}
        {row('detail.website', website ? <MaybeLink url={website} text={website} /> : null)}
        {row('detail.description', service.description)}
        {row(
          'detail.accessibility',
          service.facility?.accessibility.length
            ? service.facility.accessibility.map((f) => t(`a11y.${f}` as WegweiserKey)).join(', ')
            : null,
        )}
        {row('detail.languages', service.languages.length ? service.languages.join(', ') : null)}
        {row('detail.lastVerified', date(service.lastVerified))}
        {row(
          'detail.source',
          <>
            <MaybeLink url={service.source.url} text={service.source.name ?? service.source.id} />
            {service.source.attribution && (
              <span class="ww-attribution"> – {service.source.attribution}</span>
            )}
          </>,
        )}
      </dl>
      <AtlasLink service={service} places={places} categories={categories} />
      <p class="ww-printed print-only">
        {t('detail.printed', {
          date: formatPeriod(new Date().toISOString().slice(0, 10), l),
          url: pageUrl(),
        })}
      </p>
    </article>
  );
}

function pageUrl(): string {
  return window.location.href;
}

/** A link only for http(s) URLs; anything else (a `javascript:` URL from the data) stays text. */
function MaybeLink({ url, text }: { url: string | null; text: string }) {
  const href = httpUrl(url);
  return href ? <a href={href}>{text}</a> : <>{text}</>;
}
