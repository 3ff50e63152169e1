import type { ClassifyMethodName } from '../../../../packages/core/src/classify/index.ts';
import {
  DIVERGING_SCHEMES,
  SEQUENTIAL_SCHEMES,
  isDiverging,
  type SchemeName,
} from '../lib/colour-schemes.ts';
import { atlasClasses } from '../state/atlas-model.ts';
import { currentIndicator } from '../state/data.ts';
import { lang, t, updateView, viewState } from '../state/store.ts';
import { MAX_CLASSES, METHODS, MIN_CLASSES } from '../state/view-state.ts';
import { ManualBreaks } from './manual-breaks.tsx';
import { ReferenceInput } from './reference-input.tsx';

/** Method, number of classes, manual limits, colour scheme and the reference of diverging schemes. */
export function ClassificationPanel() {
  const state = viewState.value;
  const indicator = currentIndicator.value;
  const classes = atlasClasses.value;
  const l = lang.value;
  const decimals = indicator?.decimals ?? 2;
  const scheme = classes?.scheme ?? state.scheme;
  if (!indicator) return null;

  const chooseMethod = (method: ClassifyMethodName) => {
    if (method === 'manual') {
      const breaks = classes?.classification?.breaks ?? [];
      const rounded = [...new Set(breaks.map((b) => Number(b.toFixed(decimals))))];
      updateView({ method, breaks: rounded.length > 0 ? rounded : [0] });
    } else updateView({ method, breaks: null });
  };

  return (
    <fieldset class="classification">
      <legend>{t('classify.title')}</legend>
      <div class="field">
        <label for="method-select">{t('classify.method')}</label>
        <select
          id="method-select"
          value={state.method}
          onChange={(e) => chooseMethod(e.currentTarget.value as ClassifyMethodName)}
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`classify.method.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {state.method === 'manual' ? (
        <ManualBreaks breaks={state.breaks ?? []} decimals={decimals} />
      ) : (
        <div class="field">
          <label for="classes-select">{t('classify.classes')}</label>
          <select
            id="classes-select"
            value={String(state.classes)}
            onChange={(e) => updateView({ classes: Number(e.currentTarget.value) })}
          >
            {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => i + MIN_CLASSES).map((k) => (
              <option key={k} value={String(k)}>
                {k}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="scheme-select">{t('classify.scheme')}</label>
        <select
          id="scheme-select"
          value={state.scheme ?? ''}
          onChange={(e) => updateView({ scheme: (e.currentTarget.value || null) as SchemeName | null })}
        >
          <option value="">{t('classify.schemeAuto')}</option>
          <optgroup label={t('classify.sequential')}>
            {Object.keys(SEQUENTIAL_SCHEMES).map((s) => (
              <option key={s} value={s}>
                {t(`scheme.${s as SchemeName}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('classify.diverging')}>
            {Object.keys(DIVERGING_SCHEMES).map((s) => (
              <option key={s} value={s}>
                {t(`scheme.${s as SchemeName}`)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {scheme && isDiverging(scheme) && (
        <ReferenceInput
          value={state.reference}
          placeholder={classes?.reference ?? null}
          decimals={decimals}
          lang={l}
        />
      )}
      {classes?.error && (
        <p class="field-error" role="alert">
          {t('classify.breaksInvalid')}
        </p>
      )}
    </fieldset>
  );
}
