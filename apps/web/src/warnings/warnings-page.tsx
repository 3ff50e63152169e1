import './warnings.css';
import { useState } from 'preact/hooks';
import { LoadState } from '../components/load-state.tsx';
import { downloadBlob } from '../exports/download.ts';
import { localName } from '../i18n/i18n.ts';
import { indicatorById, levelById } from '../state/data.ts';
import { followLink, hrefFor, lang, t } from '../state/store.ts';
import type { ViewState } from '../state/view-state.ts';
import { reasonText } from './reason-text.ts';
import type { FlaggedArea, WarningReason, WarningRuleSummary } from './warning-types.ts';
import { warningsCsv } from './warnings-csv.ts';
import { filterFlagged, type WarningFilter } from './flagged-filter.ts';
import { indexNames, warningLevels, warnings } from './warnings-data.ts';

/** The early-warning list: the configured rules, then every flagged area with its reasons. */
export function WarningsPage() {
  const resource = warnings.state.value;
  const [filter, setFilter] = useState<WarningFilter>({ rule: '', level: '' });
  const data = resource.data;
  return (
    <main id="main" tabIndex={-1} aria-labelledby="page-heading" class="page page-warnings">
      <h2 id="page-heading">{t('warnings.title')}</h2>
      <p class="intro">{t('warnings.intro')}</p>
      <LoadState resource={resource} retry={warnings.retry} />
      {data && (
        <>
          <RulesTable rules={data.rules} notes={data.notes} />
          <FlaggedSection flagged={data.flagged} rules={data.rules} filter={filter} setFilter={setFilter} />
        </>
      )}
    </main>
  );
}

function watchedName(id: string): string {
  const indicator = indicatorById.value.get(id);
  return indicator ? localName(lang.value, indicator) : (indexNames.state.value.data?.get(id) ?? id);
}

function levelName(id: string): string {
  const level = levelById.value.get(id);
  return level ? localName(lang.value, level) : id;
}

function RulesTable({
  rules,
  notes,
}: {
  rules: readonly WarningRuleSummary[];
  notes: readonly { ruleId: string; count: number }[];
}) {
  return (
    <section aria-labelledby="rules-heading">
      <h3 id="rules-heading">{t('warnings.rulesTitle')}</h3>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('warnings.rule')}</th>
              <th scope="col">{t('warnings.kind')}</th>
              <th scope="col">{t('warnings.level')}</th>
              <th scope="col">{t('warnings.watches')}</th>
              <th scope="col" class="num">
                {t('warnings.flaggedCount')}
              </th>
              <th scope="col">{t('warnings.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <th scope="row">{rule.label ?? rule.id}</th>
                <td>{t(`warnings.kind.${rule.kind}`)}</td>
                <td>{levelName(rule.level)}</td>
                <td>{watchedName(rule.watches)}</td>
                <td class="num">{rule.flagged}</td>
                <td>
                  {rule.skipped
                    ? t('warnings.skipped', { reason: rule.skipped })
                    : notes
                        .filter((n) => n.ruleId === rule.id && n.count > 0)
                        .map((n) => t('warnings.note', { count: n.count }))
                        .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FlaggedSection({
  flagged,
  rules,
  filter,
  setFilter,
}: {
  flagged: readonly FlaggedArea[];
  rules: readonly WarningRuleSummary[];
  filter: WarningFilter;
  setFilter: (filter: WarningFilter) => void;
}) {
  const shown = filterFlagged(flagged, filter);
  const reasonCount = shown.reduce((sum, area) => sum + area.reasons.length, 0);
  const describe = (reason: WarningReason) =>
    reasonText(reason, indicatorById.value.get(reason.indicatorId)?.decimals ?? 2, lang.value, t);
  const exportCsv = () => {
    const csv = warningsCsv(shown, rules, (area, i) => describe(area.reasons[i]!), lang.value, t, new Date());
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'fruehwarnung.csv');
  };
  return (
    <section aria-labelledby="flagged-heading">
      <h3 id="flagged-heading">{t('warnings.flaggedTitle')}</h3>
      <div class="warnings-filters">
        <label>
          {t('warnings.filterRule')}{' '}
          <select value={filter.rule} onChange={(e) => setFilter({ ...filter, rule: e.currentTarget.value })}>
            <option value="">{t('warnings.all')}</option>
            {rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.label ?? rule.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('warnings.filterLevel')}{' '}
          <select
            value={filter.level}
            onChange={(e) => setFilter({ ...filter, level: e.currentTarget.value })}
          >
            <option value="">{t('warnings.all')}</option>
            {warningLevels.value.map((level) => (
              <option key={level} value={level}>
                {levelName(level)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary" onClick={exportCsv} disabled={shown.length === 0}>
          {t('warnings.export')}
        </button>
      </div>
      <p role="status">{t('warnings.flaggedSummary', { count: shown.length, reasons: reasonCount })}</p>
      {shown.length === 0 ? (
        <p>{t('warnings.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table flagged-table">
            <thead>
              <tr>
                <th scope="col">{t('warnings.area')}</th>
                <th scope="col">{t('warnings.level')}</th>
                <th scope="col">{t('warnings.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((area) => (
                <FlaggedRow key={`${area.level}/${area.key}`} area={area} describe={describe} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FlaggedRow({ area, describe }: { area: FlaggedArea; describe: (r: WarningReason) => string }) {
  const name = area.name ?? area.key;
  const profile: Partial<ViewState> = { page: 'profile', level: area.level, area: area.key, parent: null };
  return (
    <tr>
      <th scope="row">
        {name} <span class="key">{area.key}</span>
        <br />
        <a
          href={hrefFor(profile)}
          aria-label={t('warnings.profileLabel', { area: name })}
          onClick={(e) => followLink(e, profile)}
        >
          {t('warnings.profile')}
        </a>
      </th>
      <td>{levelName(area.level)}</td>
      <td>
        <ul class="reasons">
          {area.reasons.map((reason) => (
            <li key={reason.ruleId}>
              <strong>{reason.label ?? reason.ruleId}:</strong> {describe(reason)}{' '}
              {indicatorById.value.has(reason.indicatorId) && (
                <AtlasLink area={area} reason={reason} name={name} />
              )}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function AtlasLink({ area, reason, name }: { area: FlaggedArea; reason: WarningReason; name: string }) {
  const view: Partial<ViewState> = {
    page: 'atlas',
    indicator: reason.indicatorId,
    level: area.level,
    parent: null,
    period: reason.period,
    selected: [area.key],
  };
  return (
    <a
      href={hrefFor(view)}
      aria-label={t('warnings.showInAtlasLabel', { indicator: watchedName(reason.indicatorId), area: name })}
      onClick={(e) => followLink(e, view)}
    >
      {t('warnings.showInAtlas')}
    </a>
  );
}
