import { useEffect, useState } from 'preact/hooks';
import { ORGANISATION_KINDS, type AdminApi, type Organisation } from './admin-api.ts';
import { SelectField, TextField } from './admin-fields.tsx';
import { translateKey, type Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { ProviderLinksPanel } from './provider-links-panel.tsx';
import { useAction } from './use-action.ts';

interface Draft {
  id: string;
  name: string;
  kind: string;
  parentId: string;
}

const EMPTY: Draft = { id: '', name: '', kind: 'gemeinde', parentId: '' };

/** Organisations: the table, a form for a new one, and one for changing an existing one. */
export function OrganisationsSection({ api, t }: { api: AdminApi; t: Translate }) {
  const [list, setList] = useState<Organisation[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [providersOf, setProvidersOf] = useState<Organisation | null>(null);
  const listAction = useAction();
  const createAction = useAction();
  const reload = () => api.organisations().then(setList);

  useEffect(() => {
    void listAction.run(async () => (await reload(), ''));
  }, []);

  const kinds = ORGANISATION_KINDS.map((k) => ({ value: k, label: translateKey(t, `org.kind.${k}`, k) }));
  const parents = (except: string) => [
    { value: '', label: t('common.none') },
    ...(list ?? []).filter((o) => o.id !== except).map((o) => ({ value: o.id, label: o.name })),
  ];

  async function create(event: Event) {
    event.preventDefault();
    const ok = await createAction.run(async () => {
      const created = await api.createOrganisation({ ...draft, parentId: draft.parentId || null });
      await reload();
      return t('org.created', { name: created.name });
    });
    if (ok) setDraft(EMPTY);
  }

  async function save(changed: Draft) {
    const ok = await listAction.run(async () => {
      await api.updateOrganisation(changed.id, {
        name: changed.name,
        kind: changed.kind,
        parentId: changed.parentId || null,
      });
      await reload();
      return t('app.saved');
    });
    if (ok) setEditing(null);
  }

  async function remove(o: Organisation) {
    if (!confirm(t('common.confirmDelete', { name: o.name }))) return;
    await listAction.run(async () => {
      await api.deleteOrganisation(o.id);
      await reload();
      return t('org.deleted', { name: o.name });
    });
  }

  const e = listAction.errors;
  const c = createAction.errors;
  return (
    <section aria-labelledby="org-heading">
      <h2 id="org-heading">{t('org.heading')}</h2>
      <ActionNotices action={listAction} t={t} />
      {list === null ? (
        <p>{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('org.empty')}</p>
      ) : (
        <table class="adm-table">
          <thead>
            <tr>
              <th scope="col">{t('org.id')}</th>
              <th scope="col">{t('org.name')}</th>
              <th scope="col">{t('org.kind')}</th>
              <th scope="col">{t('org.parent')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o) => (
              <tr key={o.id}>
                <td>{o.id}</td>
                <th scope="row">{o.name}</th>
                <td>{translateKey(t, `org.kind.${o.kind}`, o.kind)}</td>
                <td>{list.find((p) => p.id === o.parentId)?.name ?? ''}</td>
                <td class="adm-actions">
                  {o.kind === 'provider' && (
                    <button
                      type="button"
                      aria-label={`${t('prov.open')}: ${o.name}`}
                      aria-expanded={providersOf?.id === o.id}
                      aria-controls={providersOf?.id === o.id ? 'prov-panel' : undefined}
                      onClick={() => setProvidersOf(providersOf?.id === o.id ? null : o)}
                    >
                      {t('prov.open')}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-label={`${t('common.edit')}: ${o.name}`}
                    onClick={() => setEditing({ ...o, parentId: o.parentId ?? '' })}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('common.delete')}: ${o.name}`}
                    onClick={() => void remove(o)}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {providersOf && list && (
        <div id="prov-panel">
          <ProviderLinksPanel
            key={providersOf.id}
            api={api}
            t={t}
            organisation={providersOf}
            organisations={list}
            onClose={() => setProvidersOf(null)}
          />
        </div>
      )}
      {editing && (
        <form
          class="adm-form"
          aria-labelledby="org-edit-heading"
          onSubmit={(ev) => {
            ev.preventDefault();
            void save(editing);
          }}
        >
          <h3 id="org-edit-heading">{`${t('common.edit')}: ${editing.id}`}</h3>
          <TextField
            id="org-edit-name"
            label={t('org.name')}
            value={editing.name}
            error={e.name}
            required
            onInput={(name) => setEditing({ ...editing, name })}
          />
          <SelectField
            id="org-edit-kind"
            label={t('org.kind')}
            value={editing.kind}
            options={kinds}
            error={e.kind}
            onChange={(kind) => setEditing({ ...editing, kind })}
          />
          <SelectField
            id="org-edit-parent"
            label={t('org.parent')}
            value={editing.parentId}
            options={parents(editing.id)}
            error={e.parentId}
            onChange={(parentId) => setEditing({ ...editing, parentId })}
          />
          <div class="adm-buttons">
            <button type="submit" disabled={listAction.busy}>
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <form class="adm-form" onSubmit={(ev) => void create(ev)} aria-labelledby="org-create-heading">
        <h3 id="org-create-heading">{t('org.create')}</h3>
        <ActionNotices action={createAction} t={t} />
        <TextField
          id="org-id"
          label={t('org.id')}
          hint={t('org.idHint')}
          value={draft.id}
          error={c.id}
          required
          onInput={(id) => setDraft({ ...draft, id })}
        />
        <TextField
          id="org-name"
          label={t('org.name')}
          value={draft.name}
          error={c.name}
          required
          onInput={(name) => setDraft({ ...draft, name })}
        />
        <SelectField
          id="org-kind"
          label={t('org.kind')}
          value={draft.kind}
          options={kinds}
          error={c.kind}
          onChange={(kind) => setDraft({ ...draft, kind })}
        />
        <SelectField
          id="org-parent"
          label={t('org.parent')}
          value={draft.parentId}
          options={parents('')}
          error={c.parentId}
          onChange={(parentId) => setDraft({ ...draft, parentId })}
        />
        <button type="submit" disabled={createAction.busy}>
          {t('org.create')}
        </button>
      </form>
    </section>
  );
}
