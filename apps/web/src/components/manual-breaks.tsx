import { useEffect, useState } from 'preact/hooks';
import { parseUserNumber, plainNumber } from '../lib/format.ts';
import { lang, t, updateView } from '../state/store.ts';
import { MAX_CLASSES } from '../state/view-state.ts';

/** The limits of manual classes as text ("1,5; 3; 4,5"), applied with Enter or the button. */
export function ManualBreaks({ breaks, decimals }: { breaks: number[]; decimals: number }) {
  const l = lang.value;
  const shown = breaks.map((b) => plainNumber(b, decimals, l)).join('; ');
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(shown), [shown]);
  const apply = (e: Event) => {
    e.preventDefault();
    const parsed = text.split(';').map((part) => parseUserNumber(part, l));
    const ok = parsed.length > 0 && parsed.every((n, i) => n !== null && (i === 0 || n > parsed[i - 1]!));
    setInvalid(!ok || parsed.length >= MAX_CLASSES);
    if (ok && parsed.length < MAX_CLASSES) updateView({ breaks: parsed as number[] });
  };
  return (
    <form class="field manual-breaks" onSubmit={apply}>
      <label for="breaks-input">{t('classify.breaks')}</label>
      <div class="inline">
        <input
          id="breaks-input"
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'breaks-error' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">{t('classify.breaksApply')}</button>
      </div>
      {invalid && (
        <p id="breaks-error" class="field-error" role="alert">
          {t('classify.breaksInvalid')}
        </p>
      )}
    </form>
  );
}
