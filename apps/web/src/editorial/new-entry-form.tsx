import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import { RequestFailed, type Session } from '../lib/session.ts';
import type { T } from './editorial-app.tsx';
import type { EditorialKey } from './editorial.i18n.ts';
import { FIELDS, type Category, type Field, type Provider } from './editorial-types.ts';
import { EditableFields, fieldErrors, LabelledField, toInputs, typedValue } from './field-inputs.tsx';

const ADDRESS = ['street', 'houseNumber', 'postcode', 'city', 'district'] as const;
type Place = 'providerId' | 'categoryId' | 'facilityName' | (typeof ADDRESS)[number] | 'lat' | 'lon';

/**
 * "Neues Angebot": a new service with its Träger, category, facility address and coordinates, typed
 * without a map. The server checks everything and names each problem at its field.
 */
export function NewEntryForm(props: {
  session: Session;
  t: T;
  lang: Lang;
  onClose: () => void;
  /** A reviewer answering a citizen's report of a missing service. */
  report?: { id: string; message: string | null };
}) {
  const { session, t, lang, report } = props;
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [values, setValues] = useState<Record<Field, string>>(() => toInputs(null));
  const [place, setPlace] = useState<Record<Place, string>>({
    providerId: '',
    categoryId: '',
    facilityName: '',
    street: '',
    houseNumber: '',
    postcode: '',
    city: '',
    district: '',
    lat: '',
    lon: '',
  });
  const [message, setMessage] = useState(report?.message ?? '');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    session.request<{ items: Provider[] }>('GET', '/directory/editorial/providers').then(
      (r) => setProviders(r.items),
      () => setProviders([]),
    );
    session.request<{ categories: Category[] }>('GET', '/directory/categories').then(
      (r) => setCategories(r.categories),
      () => setCategories([]),
    );
  }, []);

  async function send() {
    setErrors({});
    setNotice(null);
    const fields: Record<string, unknown> = {};
    for (const field of FIELDS)
      if (values[field].trim() !== '') fields[field] = typedValue(field, values[field]);
    const text = (key: Place) => place[key].trim() || null;
    const [lat, lon] = [coordinate(place.lat), coordinate(place.lon)];
    const unreadable = (['lat', 'lon'] as const).filter((key) => Number.isNaN(coordinate(place[key])));
    if (unreadable.length > 0)
      return setErrors(
        Object.fromEntries(unreadable.map((key) => [key, t('notANumber', { label: t(`p_${key}`) })])),
      );
    try {
      await session.request('POST', '/directory/editorial/entries', {
        ...(text('providerId') ? { providerId: text('providerId') } : {}),
        categoryId: place.categoryId,
        fields: { name: values.name.trim(), ...fields },
        facilityName: text('facilityName'),
        address: Object.fromEntries(ADDRESS.map((key) => [key, text(key)])),
        lat,
        lon,
        ...(message.trim() ? { message: message.trim() } : {}),
        ...(report ? { reportId: report.id } : {}),
      });
      setSent(true);
      setNotice(t('submittedNew'));
    } catch (caught) {
      const byField = caught instanceof RequestFailed ? fieldErrors(caught.details) : null;
      if (byField) setErrors(byField);
      else setNotice(t('error', { message: (caught as Error).message }));
    }
  }

  const placeInput = (key: Place, extra: Record<string, unknown> = {}) => (
    <LabelledField
      key={key}
      id={`ed-n-${key}`}
      label={t(`p_${key}` as EditorialKey)}
      error={errors[key]}
      hint={key === 'lat' ? t('coordinatesHint') : key === 'facilityName' ? t('facilityNameHint') : undefined}
    >
      {(common) => (
        <input
          {...common}
          {...extra}
          type="text"
          value={place[key]}
          onInput={(e) => setPlace({ ...place, [key]: (e.target as HTMLInputElement).value })}
        />
      )}
    </LabelledField>
  );
  const ownOnly = providers !== null && providers.length === 1;
  return (
    <section aria-labelledby="ed-new-heading" class="ed-editor">
      <h2 id="ed-new-heading" tabIndex={-1} ref={heading}>
        {t('newEntry')}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!sent) void send();
        }}
        noValidate
      >
        <fieldset>
          <legend>{t('newWhat')}</legend>
          {ownOnly ? (
            <p>{t('newFor', { name: providers[0]!.name })}</p>
          ) : (
            <LabelledField id="ed-n-providerId" label={t('p_providerId')} error={errors.providerId}>
              {(common) => (
                <select
                  {...common}
                  value={place.providerId}
                  onChange={(e) => setPlace({ ...place, providerId: (e.target as HTMLSelectElement).value })}
                >
                  <option value="">{t('choose')}</option>
                  {providers?.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </LabelledField>
          )}
          <LabelledField id="ed-n-categoryId" label={t('p_categoryId')} error={errors.categoryId}>
            {(common) => (
              <select
                {...common}
                value={place.categoryId}
                onChange={(e) => setPlace({ ...place, categoryId: (e.target as HTMLSelectElement).value })}
              >
                <option value="">{t('choose')}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {'\u00a0\u00a0'.repeat(c.depth)}
                    {lang === 'en' ? (c.nameEn ?? c.name) : c.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
          <EditableFields t={t} idPrefix="ed-n" values={values} errors={errors} onChange={setValues} />
        </fieldset>
        <fieldset>
          <legend>{t('newWhere')}</legend>
          {placeInput('facilityName')}
          {placeInput('street', { autocomplete: 'address-line1' })}
          {placeInput('houseNumber')}
          {placeInput('postcode', { inputMode: 'numeric', autocomplete: 'postal-code' })}
          {placeInput('city', { autocomplete: 'address-level2' })}
          {placeInput('district')}
          {placeInput('lat', { inputMode: 'decimal' })}
          {placeInput('lon', { inputMode: 'decimal' })}
        </fieldset>
        <div class="ed-field">
          <label for="ed-n-message">{t('message')}</label>
          <textarea
            id="ed-n-message"
            rows={3}
            value={message}
            onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <p class="ed-actions">
          <button type="submit" id="ed-n-submit" disabled={sent}>
            {t('submit')}
          </button>
          <button type="button" id="ed-n-close" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </p>
        <p role="status" class="ed-notice">
          {notice ?? (Object.keys(errors).length > 0 ? Object.values(errors).join(' ') : '')}
        </p>
      </form>
    </section>
  );
}

/** A typed coordinate: a decimal comma is taken as a point; empty is "none" (the server may geocode). */
function coordinate(input: string): number | null {
  const raw = input.trim().replace(',', '.');
  return raw === '' ? null : Number(raw);
}
