import { useEffect, useRef, useState } from 'preact/hooks';
import { portalApi } from './portal-api.ts';
import { lang, navigate, portalState, t } from './portal-store.ts';
import type { Places } from './places.ts';

interface Option {
  label: string;
  lat: number;
  lon: number;
  /** `level:areaKey` for a place of the list, `addr:<label>` for an address from the geocoder. */
  place: string;
  kind: 'place' | 'address';
}

type Status = 'idle' | 'busy' | 'done' | 'error';

const MIN_LETTERS = 3;
const PAUSE_MS = 250;

/** Lower case without accents, so "neukolln" finds Neukölln. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');

/** The districts and regions whose name contains every word typed (before a comma). */
function matchingPlaces(places: Places | null, text: string): Option[] {
  const words = fold(text.split(',')[0] ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (!places || words.length === 0) return [];
  const found: Option[] = [];
  for (const place of places.byId.values())
    if (words.every((w) => fold(place.name).includes(w)))
      found.push({ label: place.name, lat: place.lat, lon: place.lon, place: place.id, kind: 'place' });
  return found.slice(0, 5);
}

/**
 * "Adresse oder Ort": a combobox (ARIA 1.2 pattern, list autocomplete). Typing asks the server's
 * geocoder (GET /directory/geocode) after a pause and searches the portal's own places; without a
 * geocoder the places alone are offered. Arrow keys move through the options (aria-activedescendant,
 * focus stays in the field), Enter chooses, Escape closes the list and, pressed again, clears it.
 */
export function AddressField({ places }: { places: Places | null }) {
  const state = portalState.value;
  const l = lang.value;
  const initial = state.place.startsWith('addr:') ? state.place.slice('addr:'.length) : '';
  const [text, setText] = useState(initial);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>('idle');
  const typed = useRef(false);

  // Back and forward through history show the address of the search, not a stale draft.
  useEffect(() => {
    typed.current = false;
    setText(initial);
  }, [initial]);

  useEffect(() => {
    const query = text.trim();
    if (!typed.current || query.length < MIN_LETTERS) {
      setOptions([]);
      setStatus('idle');
      return;
    }
    const abort = new AbortController();
    setStatus('busy');
    const timer = setTimeout(() => {
      const local = matchingPlaces(places, query);
      portalApi.geocode(query, l, abort.signal).then(
        (answer) => {
          const found: Option[] = answer.places.map((p) => ({
            ...p,
            place: `addr:${p.label}`,
            kind: 'address',
          }));
          setOptions([...local, ...found]);
          setActive(-1);
          setOpen(true);
          setStatus(answer.error && local.length === 0 ? 'error' : 'done');
        },
        () => {
          if (abort.signal.aborted) return;
          setOptions(local);
          setActive(-1);
          setOpen(true);
          setStatus(local.length === 0 ? 'error' : 'done');
        },
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, places, l]);

  const choose = (option: Option) => {
    typed.current = false;
    setText(option.kind === 'address' ? option.label : '');
    setOpen(false);
    setActive(-1);
    setStatus('idle');
    navigate({ lat: option.lat, lon: option.lon, place: option.place, radius: state.radius ?? 5 });
  };

  const expanded = open && options.length > 0;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length + (i < 0 && step < 0 ? 1 : 0)) % options.length);
    } else if (event.key === 'Enter') {
      if (expanded && active >= 0) {
        event.preventDefault();
        choose(options[active]!);
      }
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else {
        typed.current = false;
        setText('');
      }
    }
  };

  const statusText =
    status === 'busy'
      ? t('geo.searching')
      : status === 'error'
        ? t('geo.error')
        : status === 'done'
          ? options.length === 0
            ? t('geo.none')
            : options.length === 1
              ? t('geo.suggestion1')
              : t('geo.suggestions', { count: options.length })
          : '';

  return (
    <div class="ww-field ww-address">
      <label for="ww-address">{t('geo.address')}</label>
      <input
        id="ww-address"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="ww-address-options"
        aria-activedescendant={expanded && active >= 0 ? `ww-address-option-${active}` : undefined}
        aria-describedby="ww-address-hint"
        autoComplete="off"
        maxLength={200}
        value={text}
        onInput={(e) => {
          typed.current = true;
          setText(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id="ww-address-options"
        class="ww-options"
        role="listbox"
        aria-label={t('geo.address')}
        hidden={!expanded}
      >
        {options.map((option, i) => (
          <li
            key={`${option.place}-${i}`}
            id={`ww-address-option-${i}`}
            role="option"
            aria-selected={i === active}
            data-place={option.place}
            // Chosen before the field's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
          >
            {option.label}
            {option.kind === 'place' && <span class="ww-option-kind"> – {t('geo.placeKind')}</span>}
          </li>
        ))}
      </ul>
      <p id="ww-address-hint" class="ww-hint">
        {t('geo.addressHint')}
      </p>
      <p class="ww-status" role="status" aria-live="polite">
        {statusText}
      </p>
    </div>
  );
}
