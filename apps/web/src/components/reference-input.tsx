import { useEffect, useState } from 'preact/hooks';
import { formatNumber, parseUserNumber, plainNumber } from '../lib/format.ts';
import { t, updateView } from '../state/store.ts';

/** The value a diverging scheme is centred on; empty means the mean of the areas shown. */
export function ReferenceInput(props: {
  value: number | null;
  placeholder: number | null;
  decimals: number;
  lang: 'de' | 'en';
}) {
  const shown = props.value === null ? '' : plainNumber(props.value, props.decimals, props.lang);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = () => updateView({ reference: parseUserNumber(text, props.lang) });
  return (
    <div class="field">
      <label for="reference-input">{t('classify.reference')}</label>
      <input
        id="reference-input"
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={
          props.placeholder === null ? '' : formatNumber(props.placeholder, props.decimals, props.lang)
        }
        aria-describedby="reference-hint"
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <p id="reference-hint" class="hint">
        {t('classify.referenceMean')}
      </p>
    </div>
  );
}
