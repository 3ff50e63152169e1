import { useState } from 'preact/hooks';
import type { AdminApi, AdminUser, Organisation } from './admin-api.ts';
import { TextField } from './admin-fields.tsx';
import { passwordReason, type Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { bodyOf, draftOf, UserFields } from './user-form.tsx';
import { useAction } from './use-action.ts';

interface Props {
  api: AdminApi;
  t: Translate;
  user: AdminUser;
  organisations: Organisation[];
  /** Closes the editor, with the message of what was saved (null: cancelled). */
  onDone: (saved: string | null) => Promise<void>;
}

/** Changes one user: roles, organisation, topics, areas; and, separately, a new password. */
export function UserEditor({ api, t, user, organisations, onDone }: Props) {
  const [draft, setDraft] = useState(() => draftOf(user));
  const [password, setPassword] = useState('');
  const save = useAction();
  const secret = useAction();

  async function submit(event: Event) {
    event.preventDefault();
    const message = t('user.updated', { name: user.login });
    const ok = await save.run(async () => {
      await api.updateUser(user.id, bodyOf(draft));
      return message;
    });
    if (ok) await onDone(message);
  }

  async function setNewPassword(event: Event) {
    event.preventDefault();
    const ok = await secret.run(async () => {
      await api.setPassword(user.id, password);
      return t('user.passwordSet', { name: user.login });
    });
    if (ok) setPassword('');
  }

  return (
    <div class="adm-editor">
      <form class="adm-form" onSubmit={(e) => void submit(e)} aria-labelledby="user-edit-heading">
        <h3 id="user-edit-heading">{t('user.editHeading', { name: user.login })}</h3>
        <ActionNotices action={save} t={t} />
        <UserFields
          prefix="user-edit"
          draft={draft}
          onChange={setDraft}
          organisations={organisations}
          errors={save.errors}
          t={t}
        />
        <div class="adm-buttons">
          <button type="submit" disabled={save.busy}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => void onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <form class="adm-form" onSubmit={(e) => void setNewPassword(e)} aria-label={t('user.setPassword')}>
        <ActionNotices action={secret} t={t} />
        <TextField
          id="user-edit-password"
          type="password"
          label={t('user.newPassword')}
          hint={t('user.passwordHint')}
          value={password}
          error={passwordReason(t, secret.errors.password)}
          required
          autocomplete="new-password"
          onInput={setPassword}
        />
        <button type="submit" disabled={secret.busy}>
          {t('user.setPassword')}
        </button>
      </form>
    </div>
  );
}
