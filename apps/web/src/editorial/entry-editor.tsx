import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import { RequestFailed, type Session } from '../lib/session.ts';
import type { T } from './editorial-app.tsx';
import type { EditorialKey } from './editorial.i18n.ts';
import { FIELDS, show, type EditorialEntry, type Field, type HistoryItem } from './editorial-types.ts';
import { EditableFields, fieldErrors, toInputs, typedValue } from './field-inputs.tsx';

/** The edit form of one entry: every editable field, the server's field errors at the field. */
export function EntryEditor(props: {
  session: Session;
  t: T;
  lang: Lang;
  entry: EditorialEntry;
  onClose: () => void;
  /** A reviewer answering a citizen's report: its text as the note, and the link to it. */
  report?: { id: string; message: string | null };
}) {
  const { session, t, entry, report } = props;
  const [values, setValues] = useState<Record<Field, string>>(() => toInputs(entry.fields));
  const [message, setMessage] = useState(report?.message ?? '');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryItem[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const loadHistory = () =>
    session
      .request<{ items: HistoryItem[] }>(
        'GET',
        `/directory/editorial/entries/${encodeURIComponent(entry.id)}/history`,
      )
      .then(
        (h) => setHistory(h.items),
        () => setHistory([]),
      );
  useEffect(() => {
    heading.current?.focus();
    void loadHistory();
  }, []);

  async function send(kind: 'edit' | 'verify') {
    setErrors({});
    setNotice(null);
    const fields = kind === 'edit' ? changed(entry, values) : undefined;
    if (fields && Object.keys(fields).length === 0) return setNotice(t('noChange'));
    try {
      await session.request('POST', `/directory/editorial/entries/${encodeURIComponent(entry.id)}/changes`, {
        kind,
        ...(fields ? { fields } : {}),
        ...(message.trim() ? { message: message.trim() } : {}),
        ...(report && kind === 'edit' ? { reportId: report.id } : {}),
      });
      setNotice(t(kind === 'edit' ? 'submitted' : 'verified'));
      void loadHistory();
    } catch (caught) {
      const byField = caught instanceof RequestFailed ? fieldErrors(caught.details) : null;
      if (byField) setErrors(byField);
      else setNotice(t('error', { message: (caught as Error).message }));
    }
  }

  return (
    <section aria-labelledby="ed-editor-heading" class="ed-editor">
      <h2 id="ed-editor-heading" tabIndex={-1} ref={heading}>
        {t('editing', { name: entry.name })}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send('edit');
        }}
        noValidate
      >
        <EditableFields t={t} idPrefix="ed-f" values={values} errors={errors} onChange={setValues} />
        <div class="ed-field">
          <label for="ed-message">{t('message')}</label>
          <textarea
            id="ed-message"
            rows={2}
            value={message}
            onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <p class="ed-actions">
          <button type="submit" id="ed-submit">
            {t('submit')}
          </button>
          <button type="button" id="ed-verify" onClick={() => void send('verify')}>
            {t('verify')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </p>
        <p role="status" class="ed-notice">
          {notice ?? (Object.keys(errors).length > 0 ? Object.values(errors).join(' ') : '')}
        </p>
      </form>
      <History t={t} items={history} />
    </section>
  );
}

function History({ t, items }: { t: T; items: HistoryItem[] | null }) {
  return (
    <section aria-labelledby="ed-history-heading" class="ed-history">
      <h3 id="ed-history-heading">{t('history')}</h3>
      {items && items.length === 0 && <p>{t('historyEmpty')}</p>}
      <ol>
        {[...(items ?? [])].reverse().map((item, i) => (
          <li key={i} class="ed-history-item">
            <span>{item.at.slice(0, 16).replace('T', ' ')}</span>{' '}
            {item.kind === 'import'
              ? t('historyImport', { file: item.file ?? '' })
              : t('historyBy', {
                  kind: t(`kind_${item.kind}` as EditorialKey),
                  by: item.byName ?? '–',
                  proposed:
                    item.proposedByName && item.proposedByName !== item.byName
                      ? t('proposedBy', { name: item.proposedByName })
                      : '',
                })}
            {item.changes.length > 0 && (
              <ul>
                {item.changes.map((c) => (
                  <li key={c.field}>
                    {t(`f_${c.field}` as EditorialKey)}: {show(c.before)} → {show(c.after)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The typed values of the fields the user changed. */
function changed(entry: EditorialEntry, values: Record<Field, string>): Record<string, unknown> {
  const before = toInputs(entry.fields);
  const out: Record<string, unknown> = {};
  for (const field of FIELDS)
    if (values[field] !== before[field]) out[field] = typedValue(field, values[field]);
  return out;
}
