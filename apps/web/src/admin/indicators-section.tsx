import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import { CLASSES, type AdminApi, type IndicatorAccess, type Level, type Organisation } from './admin-api.ts';
import { Notice } from './admin-fields.tsx';
import { translateKey, type Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { LevelClassesEditor } from './level-classes-editor.tsx';
import { RuleEditor } from './rule-editor.tsx';
import { useAction } from './use-action.ts';

/** The class set for all levels, or undefined when the catalogue's holds. */
const wideClass = (i: IndicatorAccess) => i.dataClasses.find((c) => c.levelId === null);
const classOf = (i: IndicatorAccess) => wideClass(i)?.confidentiality ?? '';

/** Data classes (for all levels, per level, per organisation) and disclosure rules of the indicators. */
export function IndicatorsSection({ api, t, lang }: { api: AdminApi; t: Translate; lang: Lang }) {
  const [list, setList] = useState<IndicatorAccess[] | null>(null);
  const [levels, setLevels] = useState<Level[]>([]);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [levelsOf, setLevelsOf] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<IndicatorAccess | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const reload = () => api.indicators().then(setList);

  useEffect(() => {
    void action.run(async () => {
      const [, allLevels, allOrganisations] = await Promise.all([
        reload(),
        api.levels(),
        api.organisations(),
      ]);
      setLevels(allLevels);
      setOrganisations(allOrganisations);
      return '';
    });
  }, []);

  const className = (c: string) => translateKey(t, `ind.class.${c}`, c);
  async function saveClass(i: IndicatorAccess) {
    const value = chosen[i.id] ?? classOf(i);
    setSaved(null);
    await action.run(async () => {
      // Changing the class keeps the organisation it is limited to; the per-level panel changes that.
      await api.setClass(i.id, value || null, {
        organisationId: value ? wideClass(i)?.organisationId : null,
      });
      await reload();
      return t('ind.classSaved', {
        name: i.name,
        class: value
          ? className(value)
          : t('ind.catalogue', { class: className(i.catalogueConfidentiality) }),
      });
    });
  }

  const ruleText = (i: IndicatorAccess) =>
    i.disclosureRule?.minCount
      ? t('ind.ruleSummary', { minCount: i.disclosureRule.minCount })
      : i.disclosureRule
        ? '✓'
        : t('ind.noRule');
  return (
    <section aria-labelledby="ind-heading">
      <h2 id="ind-heading">{t('ind.heading')}</h2>
      <p>{t('ind.intro')}</p>
      <ActionNotices action={action} t={t} />
      {saved && <Notice kind="ok">{saved}</Notice>}
      {list === null ? (
        <p>{t('app.loading')}</p>
      ) : (
        <table class="adm-table">
          <thead>
            <tr>
              <th scope="col">{t('ind.indicator')}</th>
              <th scope="col">{t('ind.class')}</th>
              <th scope="col">{t('ind.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.name} <span class="adm-muted">({i.id})</span>
                </th>
                <td class="adm-actions">
                  <select
                    aria-label={`${t('ind.class')}: ${i.name}`}
                    value={chosen[i.id] ?? classOf(i)}
                    onChange={(e) => setChosen({ ...chosen, [i.id]: (e.target as HTMLSelectElement).value })}
                  >
                    <option value="">
                      {`${t('ind.class.catalogue')} (${className(i.catalogueConfidentiality)})`}
                    </option>
                    {CLASSES.map((c) => (
                      <option key={c} value={c}>
                        {className(c)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    aria-label={`${t('common.save')}: ${t('ind.class')} ${i.name}`}
                    onClick={() => void saveClass(i)}
                  >
                    {t('common.save')}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('ind.levelClasses')}: ${i.name}`}
                    aria-expanded={levelsOf === i.id}
                    onClick={() => (setSaved(null), setLevelsOf(levelsOf === i.id ? null : i.id))}
                  >
                    {t('ind.levelClasses')}
                  </button>
                  <ScopeSummary t={t} indicator={i} organisations={organisations} />
                </td>
                <td class="adm-actions">
                  <span>{ruleText(i)}</span>
                  <button
                    type="button"
                    aria-label={`${t('ind.editRule')}: ${i.name}`}
                    onClick={() => (setSaved(null), setEditing(i))}
                  >
                    {t('ind.editRule')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {levelsOf && list?.some((i) => i.id === levelsOf) && (
        <LevelClassesEditor
          key={levelsOf}
          api={api}
          t={t}
          lang={lang}
          indicator={list.find((i) => i.id === levelsOf)!}
          levels={levels}
          organisations={organisations}
          onChanged={async () => void (await reload())}
          onClose={() => setLevelsOf(null)}
        />
      )}
      {editing && list && (
        <RuleEditor
          key={editing.id}
          api={api}
          t={t}
          indicator={editing}
          indicators={list}
          onDone={async (message) => {
            setEditing(null);
            setSaved(message);
            await reload();
          }}
        />
      )}
    </section>
  );
}

/** What the per-level panel set: how many levels have their own class, whose data the wide class is. */
function ScopeSummary(props: { t: Translate; indicator: IndicatorAccess; organisations: Organisation[] }) {
  const { t, indicator, organisations } = props;
  const perLevel = indicator.dataClasses.filter((c) => c.levelId !== null).length;
  const scope = wideClass(indicator)?.organisationId;
  const scopeName = scope ? (organisations.find((o) => o.id === scope)?.name ?? scope) : null;
  if (perLevel === 0 && !scopeName) return null;
  const parts = [
    ...(perLevel > 0 ? [t('ind.levelCount', { count: perLevel })] : []),
    ...(scopeName ? [t('ind.scopedTo', { organisation: scopeName })] : []),
  ];
  return <span class="adm-muted">{parts.join(' · ')}</span>;
}
