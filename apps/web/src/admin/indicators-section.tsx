import { useEffect, useState } from 'preact/hooks';
import { CLASSES, type AdminApi, type IndicatorAccess } from './admin-api.ts';
import { Notice } from './admin-fields.tsx';
import { translateKey, type Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { RuleEditor } from './rule-editor.tsx';
import { useAction } from './use-action.ts';

/** The class set for all levels, or '' when the catalogue's holds. */
const classOf = (i: IndicatorAccess) => i.dataClasses.find((c) => c.levelId === null)?.confidentiality ?? '';

/** Data classes and disclosure rules of the indicators. */
export function IndicatorsSection({ api, t }: { api: AdminApi; t: Translate }) {
  const [list, setList] = useState<IndicatorAccess[] | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<IndicatorAccess | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const reload = () => api.indicators().then(setList);

  useEffect(() => {
    void action.run(async () => (await reload(), ''));
  }, []);

  const className = (c: string) => translateKey(t, `ind.class.${c}`, c);
  async function saveClass(i: IndicatorAccess) {
    const value = chosen[i.id] ?? classOf(i);
    setSaved(null);
    await action.run(async () => {
      await api.setClass(i.id, value || null);
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
