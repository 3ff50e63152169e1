import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CLASSES,
  type AdminApi,
  type DataClass,
  type IndicatorAccess,
  type Level,
  type Organisation,
} from './admin-api.ts';
import { SelectField } from './admin-fields.tsx';
import { translateKey, type Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { useAction } from './use-action.ts';

interface Props {
  api: AdminApi;
  t: Translate;
  indicator: IndicatorAccess;
  levels: Level[];
  organisations: Organisation[];
  lang: 'de' | 'en';
  onChanged: () => Promise<void>;
  onClose: () => void;
}

/**
 * The classes of one indicator per level (and the organisation each is limited to): the list with a
 * remove button each, and a form that sets the class of one level, or of all levels, with its scope.
 */
export function LevelClassesEditor(props: Props) {
  const { api, t, indicator, levels, organisations, lang } = props;
  const [levelId, setLevelId] = useState(levels[0]?.id ?? '');
  const [confidentiality, setConfidentiality] = useState<string>('public');
  const [organisationId, setOrganisationId] = useState('');
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the panel moves the focus into it, so keyboard users land where the content is.
  useEffect(() => heading.current?.focus(), []);
  const className = (c: string) => translateKey(t, `ind.class.${c}`, c);
  const levelName = (id: string | null) => {
    if (id === null) return t('ind.allLevels');
    const level = levels.find((l) => l.id === id);
    return (lang === 'en' ? level?.nameEn : null) ?? level?.name ?? id;
  };
  const orgName = (id: string | null) =>
    id === null ? '' : (organisations.find((o) => o.id === id)?.name ?? id);
  const name = indicator.name;

  async function save(event: Event) {
    event.preventDefault();
    await action.run(async () => {
      await api.setClass(indicator.id, confidentiality, {
        levelId: levelId || null,
        organisationId: organisationId || null,
      });
      await props.onChanged();
      const scope = organisationId
        ? ` (${t('ind.scopedTo', { organisation: orgName(organisationId) })})`
        : '';
      return (
        t('ind.levelSaved', { name, level: levelName(levelId || null), class: className(confidentiality) }) +
        scope
      );
    });
  }

  async function remove(c: DataClass) {
    await action.run(async () => {
      await api.setClass(indicator.id, null, { levelId: c.levelId });
      await props.onChanged();
      return t('ind.levelRemoved', { name, level: levelName(c.levelId) });
    });
  }

  const perLevel = indicator.dataClasses.filter((c) => c.levelId !== null || c.organisationId !== null);
  const levelOptions = [
    ...levels.map((l) => ({ value: l.id, label: levelName(l.id) })),
    { value: '', label: t('ind.allLevels') },
  ];
  const orgOptions = [
    { value: '', label: t('ind.allOrganisations') },
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <section class="adm-panel" aria-labelledby="level-class-heading">
      <h3 id="level-class-heading" tabIndex={-1} ref={heading}>
        {t('ind.levelHeading', { name })}
      </h3>
      <p id="level-class-intro">{t('ind.levelIntro')}</p>
      <ActionNotices action={action} t={t} />
      {perLevel.length === 0 ? (
        <p>{t('ind.levelNone')}</p>
      ) : (
        <table class="adm-table" aria-labelledby="level-class-heading">
          <thead>
            <tr>
              <th scope="col">{t('ind.level')}</th>
              <th scope="col">{t('ind.class')}</th>
              <th scope="col">{t('ind.organisation')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {perLevel.map((c) => (
              <tr key={c.levelId ?? ''} data-level={c.levelId ?? ''}>
                <th scope="row">{levelName(c.levelId)}</th>
                <td>{className(c.confidentiality)}</td>
                <td>{orgName(c.organisationId)}</td>
                <td class="adm-actions">
                  <button
                    type="button"
                    aria-label={`${t('ind.remove')}: ${levelName(c.levelId)}`}
                    onClick={() => void remove(c)}
                  >
                    {t('ind.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="adm-form" aria-labelledby="level-class-add" onSubmit={(ev) => void save(ev)}>
        <h4 id="level-class-add">{t('ind.addLevelClass')}</h4>
        <SelectField
          id="level-class-level"
          label={t('ind.level')}
          value={levelId}
          options={levelOptions}
          error={action.errors.levelId}
          onChange={setLevelId}
        />
        <SelectField
          id="level-class-class"
          label={t('ind.class')}
          value={confidentiality}
          options={CLASSES.map((c) => ({ value: c, label: className(c) }))}
          onChange={setConfidentiality}
        />
        <SelectField
          id="level-class-organisation"
          label={t('ind.organisation')}
          value={organisationId}
          options={orgOptions}
          error={action.errors.organisationId}
          onChange={setOrganisationId}
        />
        <div class="adm-buttons">
          <button type="submit" disabled={action.busy}>
            {t('ind.addLevelClass')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('prov.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
