import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../state/store.ts';

export interface PickerOption {
  id: string;
  label: string;
  /** Shown after the label, smaller (a key, a unit). */
  detail?: string;
}

/** How many matches the list shows; more ask for a finer search. */
const SHOWN = 30;

/**
 * A search field with a list of matches (the ARIA combobox pattern): type to filter, arrow keys to
 * open and move, Enter to choose, Escape to close. The chosen items are listed below with remove buttons.
 */
export function SearchPicker({
  id,
  label,
  placeholder,
  options,
  matches,
  onChoose,
  disabledNote,
  chosen,
}: {
  id: string;
  label: string;
  placeholder: string;
  /** Every option that can still be chosen. */
  options: readonly PickerOption[];
  matches: (option: PickerOption, query: string) => boolean;
  onChoose: (id: string) => void;
  /** When set, nothing more can be chosen and this says why. */
  disabledNote?: string | null;
  chosen: ComponentChildren;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const needle = query.trim().toLocaleLowerCase('de');
  const found = needle === '' ? options : options.filter((o) => matches(o, needle));
  const shown = found.slice(0, SHOWN);
  const expanded = open && !disabledNote;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    onChoose(option.id);
    setQuery('');
    setActive(0);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length === 0 ? 0 : (i + step + shown.length) % shown.length));
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
    }
  };
  return (
    <div class="search-picker">
      <label for={id}>{label}</label>
      <div class="combo">
        <input
          id={id}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && shown[active] ? optionId(active) : undefined}
          aria-describedby={disabledNote ? `${id}-note` : undefined}
          placeholder={placeholder}
          value={query}
          disabled={Boolean(disabledNote)}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          // opens on typing, arrow keys or a click, not on focus: tabbing past must not cover the page
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={label} class="combo-list" hidden={!expanded}>
          {shown.map((option, i) => (
            <li
              key={option.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              data-id={option.id}
              class={i === active ? 'active' : undefined}
              // mousedown, not click: the field keeps focus, so its blur does not close the list first
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              {option.label}
              {option.detail && <span class="detail"> {option.detail}</span>}
            </li>
          ))}
          {found.length === 0 && (
            <li role="option" aria-disabled="true" aria-selected={false} class="more">
              {t('compare.noMatch')}
            </li>
          )}
          {found.length > SHOWN && (
            <li role="option" aria-disabled="true" aria-selected={false} class="more">
              {t('compare.moreMatches')}
            </li>
          )}
        </ul>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {expanded && needle !== ''
          ? found.length > 0
            ? t('compare.matches', { count: found.length })
            : t('compare.noMatch')
          : ''}
      </p>
      {disabledNote && (
        <p id={`${id}-note`} class="hint">
          {disabledNote}
        </p>
      )}
      {chosen}
    </div>
  );
}
