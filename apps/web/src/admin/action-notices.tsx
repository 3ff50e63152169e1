import { Notice } from './admin-fields.tsx';
import type { Translate } from './admin.i18n.ts';
import type { useAction } from './use-action.ts';

type Action = ReturnType<typeof useAction>;

/** The outcome of a form's last change: its success message, or the server's message. */
export function ActionNotices({ action, t }: { action: Action; t: Translate }) {
  return (
    <>
      {action.done && <Notice kind="ok">{action.done}</Notice>}
      {action.errors[''] && <Notice kind="error">{t('app.error', { message: action.errors[''] })}</Notice>}
    </>
  );
}
