import { useEffect, useState } from 'preact/hooks';
import type { AdminApi, AdminUser, Organisation } from './admin-api.ts';
import { Notice, TextField } from './admin-fields.tsx';
import { passwordReason, translateKey, type Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { UserEditor } from './user-editor.tsx';
import { bodyOf, EMPTY_USER, UserFields, type UserDraft } from './user-form.tsx';
import { useAction } from './use-action.ts';

/** Users: the table with status and actions, a form for a new user, an editor for one user. */
export function UsersSection({ api, t }: { api: AdminApi; t: Translate }) {
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [draft, setDraft] = useState<UserDraft>(EMPTY_USER);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const listAction = useAction();
  const createAction = useAction();
  const reload = async () => {
    const [u, o] = await Promise.all([api.users(), api.organisations()]);
    setUsers(u);
    setOrganisations(o);
  };

  useEffect(() => {
    void listAction.run(async () => (await reload(), ''));
  }, []);

  async function create(event: Event) {
    event.preventDefault();
    const ok = await createAction.run(async () => {
      const created = await api.createUser({
        login: draft.login,
        password: draft.password,
        ...bodyOf(draft),
      });
      await reload();
      return t('user.created', { name: created.login });
    });
    if (ok) setDraft(EMPTY_USER);
  }

  async function act(user: AdminUser, kind: 'unlock' | 'delete') {
    if (kind === 'delete' && !confirm(t('common.confirmDelete', { name: user.login }))) return;
    await listAction.run(async () => {
      if (kind === 'unlock') await api.unlock(user.id);
      else await api.deleteUser(user.id);
      await reload();
      return t(kind === 'unlock' ? 'user.unlocked' : 'user.deleted', { name: user.login });
    });
  }

  const orgName = (id: string | null) => organisations.find((o) => o.id === id)?.name ?? '';
  const status = (u: AdminUser) =>
    u.lockedUntil && u.lockedUntil > new Date().toISOString()
      ? t('user.locked', { time: new Date(u.lockedUntil).toLocaleString() })
      : u.failedLogins > 0
        ? t('user.failed', { count: u.failedLogins })
        : t('user.active');
  const c = createAction.errors;
  return (
    <section aria-labelledby="user-heading">
      <h2 id="user-heading">{t('user.heading')}</h2>
      <ActionNotices action={listAction} t={t} />
      {saved && <Notice kind="ok">{saved}</Notice>}
      {users === null ? (
        <p>{t('app.loading')}</p>
      ) : (
        <table class="adm-table">
          <thead>
            <tr>
              <th scope="col">{t('user.login')}</th>
              <th scope="col">{t('user.displayName')}</th>
              <th scope="col">{t('user.roles')}</th>
              <th scope="col">{t('user.organisation')}</th>
              <th scope="col">{t('user.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.login}</th>
                <td>{u.displayName}</td>
                <td>{u.roles.map((r) => translateKey(t, `role.${r}`, r)).join(', ')}</td>
                <td>{orgName(u.organisationId)}</td>
                <td>{status(u)}</td>
                <td class="adm-actions">
                  <button
                    type="button"
                    aria-label={`${t('common.edit')}: ${u.login}`}
                    onClick={() => (setSaved(null), setEditing(u))}
                  >
                    {t('common.edit')}
                  </button>
                  {(u.failedLogins > 0 || u.lockedUntil) && (
                    <button
                      type="button"
                      aria-label={`${t('user.unlock')}: ${u.login}`}
                      onClick={() => void act(u, 'unlock')}
                    >
                      {t('user.unlock')}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-label={`${t('common.delete')}: ${u.login}`}
                    onClick={() => void act(u, 'delete')}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <UserEditor
          key={editing.id}
          api={api}
          t={t}
          user={editing}
          organisations={organisations}
          onDone={async (message) => {
            setEditing(null);
            setSaved(message);
            await reload();
          }}
        />
      )}
      <form class="adm-form" onSubmit={(ev) => void create(ev)} aria-labelledby="user-create-heading">
        <h3 id="user-create-heading">{t('user.create')}</h3>
        <ActionNotices action={createAction} t={t} />
        <TextField
          id="user-login"
          label={t('user.login')}
          value={draft.login}
          error={c.login}
          required
          autocomplete="off"
          onInput={(login) => setDraft({ ...draft, login })}
        />
        <TextField
          id="user-password"
          type="password"
          label={t('user.password')}
          hint={t('user.passwordHint')}
          value={draft.password}
          error={passwordReason(t, c.password)}
          required
          autocomplete="new-password"
          onInput={(password) => setDraft({ ...draft, password })}
        />
        <UserFields
          prefix="user"
          draft={draft}
          onChange={setDraft}
          organisations={organisations}
          errors={c}
          t={t}
        />
        <button type="submit" disabled={createAction.busy}>
          {t('user.create')}
        </button>
      </form>
    </section>
  );
}
