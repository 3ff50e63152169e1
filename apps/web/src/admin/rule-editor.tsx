import { useState } from 'preact/hooks';
import type { AdminApi, DisclosureRule, IndicatorAccess } from './admin-api.ts';
import { FieldError, Notice, SelectField, TextField } from './admin-fields.tsx';
import type { AdminKey, Translate } from './admin.i18n.ts';
import { useAction } from './use-action.ts';

interface RuleDraft {
  minCount: string;
  publishZeros: boolean;
  populationIndicator: string;
  threshold: string;
  poolPeriods: string;
}

function draftOf(rule: DisclosureRule | null): RuleDraft {
  return {
    minCount: rule?.minCount?.toString() ?? '',
    publishZeros: rule?.publishZeros ?? true,
    populationIndicator: rule?.minPopulation?.indicatorId ?? '',
    threshold: rule?.minPopulation?.threshold.toString() ?? '',
    poolPeriods: rule?.poolPeriods?.toString() ?? '',
  };
}

/** Numbers as typed; anything else goes to the server as typed, so its message names the bad value. */
const numberOrNull = (text: string): number | string | null =>
  text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text;

export function ruleOf(draft: RuleDraft): unknown {
  const population =
    draft.populationIndicator === '' && draft.threshold.trim() === ''
      ? null
      : { indicatorId: draft.populationIndicator, threshold: numberOrNull(draft.threshold) };
  return {
    minCount: numberOrNull(draft.minCount),
    publishZeros: draft.publishZeros,
    minPopulation: population,
    poolPeriods: numberOrNull(draft.poolPeriods),
  };
}

interface Props {
  api: AdminApi;
  t: Translate;
  indicator: IndicatorAccess;
  indicators: IndicatorAccess[];
  onDone: (saved: string | null) => Promise<void>;
}

/** The disclosure rule of one indicator, with the server's problems shown at each field. */
export function RuleEditor({ api, t, indicator, indicators, onDone }: Props) {
  const [draft, setDraft] = useState(() => draftOf(indicator.disclosureRule));
  const action = useAction();
  const name = indicator.name;
  // The engine's problems are English and technical; each field gets a plain sentence instead.
  const problem = (field: string) => (action.errors[field] ? t(`ind.err.${field}` as AdminKey) : undefined);
  const failed = action.errors[''];
  const byField = Object.keys(action.errors).some((k) => k !== '' && k !== 'rule');

  async function submit(rule: unknown, message: string) {
    const ok = await action.run(async () => {
      await api.setRule(indicator.id, rule);
      return message;
    });
    if (ok) await onDone(message);
  }

  const populationOptions = [
    { value: '', label: t('common.none') },
    ...indicators.map((i) => ({ value: i.id, label: `${i.name} (${i.id})` })),
  ];
  return (
    <form
      class="adm-form"
      aria-labelledby="rule-heading"
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit(ruleOf(draft), t('ind.ruleSaved', { name }));
      }}
    >
      <h3 id="rule-heading">{t('ind.ruleHeading', { name })}</h3>
      {failed && (
        <Notice kind="error">
          {action.errors.rule
            ? problem('rule')
            : byField
              ? t('ind.invalid')
              : t('app.error', { message: failed })}
        </Notice>
      )}
      <TextField
        id="rule-min-count"
        type="number"
        label={t('ind.minCount')}
        value={draft.minCount}
        error={problem('minCount')}
        onInput={(minCount) => setDraft({ ...draft, minCount })}
      />
      <div class="adm-field">
        <label>
          <input
            type="checkbox"
            checked={draft.publishZeros}
            aria-describedby={problem('publishZeros') ? 'rule-zeros-error' : undefined}
            onChange={(ev) => setDraft({ ...draft, publishZeros: (ev.target as HTMLInputElement).checked })}
          />
          {t('ind.publishZeros')}
        </label>
        <FieldError id="rule-zeros-error" message={problem('publishZeros')} />
      </div>
      <SelectField
        id="rule-population-indicator"
        label={t('ind.minPopulationIndicator')}
        value={draft.populationIndicator}
        options={populationOptions}
        error={problem('minPopulation.indicatorId') ?? problem('minPopulation')}
        onChange={(populationIndicator) => setDraft({ ...draft, populationIndicator })}
      />
      <TextField
        id="rule-population-threshold"
        type="number"
        label={t('ind.minPopulationThreshold')}
        value={draft.threshold}
        error={problem('minPopulation.threshold')}
        onInput={(threshold) => setDraft({ ...draft, threshold })}
      />
      <TextField
        id="rule-pool-periods"
        type="number"
        label={t('ind.poolPeriods')}
        value={draft.poolPeriods}
        error={problem('poolPeriods')}
        onInput={(poolPeriods) => setDraft({ ...draft, poolPeriods })}
      />
      <div class="adm-buttons">
        <button type="submit" disabled={action.busy}>
          {t('common.save')}
        </button>
        {indicator.disclosureRule && (
          <button
            type="button"
            disabled={action.busy}
            onClick={() => void submit(null, t('ind.ruleRemoved', { name }))}
          >
            {t('ind.removeRule')}
          </button>
        )}
        <button type="button" onClick={() => void onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
