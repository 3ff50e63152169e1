import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import type { Session } from '../lib/session.ts';
import type { T } from './editorial-app.tsx';
import type { EntriesResponse, EditorialEntry } from './editorial-types.ts';
import { EntryEditor } from './entry-editor.tsx';
import { NewEntryForm } from './new-entry-form.tsx';

/** "Meine Einträge": the entries the user maintains, due ones flagged, each opening the editor. */
export function EntriesPanel({ session, t, lang }: { session: Session; t: T; lang: Lang }) {
  const [q, setQ] = useState('');
  const [dueOnly, setDueOnly] = useState(false);
  const [data, setData] = useState<EntriesResponse | null>(null);
  const [open, setOpen] = useState<EditorialEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = () => {
    const query = new URLSearchParams({
      limit: '50',
      ...(q ? { q } : {}),
      ...(dueOnly ? { due: 'true' } : {}),
    });
    session
      .request<EntriesResponse>('GET', `/directory/editorial/entries?${query}`)
      .then(setData, (e: Error) => setError(e.message));
  };
  useEffect(load, [q, dueOnly]);

  if (creating)
    return (
      <NewEntryForm
        session={session}
        t={t}
        lang={lang}
        onClose={() => {
          setCreating(false);
          load();
        }}
      />
    );
  if (open)
    return (
      <EntryEditor
        session={session}
        t={t}
        lang={lang}
        entry={open}
        onClose={() => {
          setOpen(null);
          load();
        }}
      />
    );
  return (
    <section aria-labelledby="ed-entries-heading">
      <h2 id="ed-entries-heading">{t('tabEntries')}</h2>
      <p>
        <button type="button" id="ed-new" onClick={() => setCreating(true)}>
          {t('newEntry')}
        </button>
      </p>
      {error && <p role="alert">{t('error', { message: error })}</p>}
      <div class="ed-filters">
        <label for="ed-search">{t('search')}</label>
        <input
          id="ed-search"
          type="search"
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
        <label>
          <input
            type="checkbox"
            checked={dueOnly}
            onChange={(e) => setDueOnly((e.target as HTMLInputElement).checked)}
          />{' '}
          {t('dueOnly')}
        </label>
      </div>
      {data && (
        <p role="status">
          {t('dueCount', { due: data.dueTotal, total: data.total, months: data.verifyMonths })}
        </p>
      )}
      {data && data.items.length === 0 && !q && !dueOnly && <p>{t('noEntries')}</p>}
      <ul class="ed-entries">
        {data?.items.map((entry) => (
          <li key={entry.id} class="ed-entry" data-id={entry.id}>
            <strong>{entry.name}</strong> {entry.facility?.city && <span>({entry.facility.city})</span>}
            {entry.verificationDue && <span class="ed-due">{t('due')}</span>}
            <br />
            <span>{t('lastVerified', { date: entry.lastVerified ?? t('never') })}</span>
            {entry.pendingChanges > 0 && (
              <span class="ed-pending"> · {t('pending', { count: entry.pendingChanges })}</span>
            )}{' '}
            <button
              type="button"
              class="ed-edit"
              onClick={() => setOpen(entry)}
              aria-label={`${t('edit')}: ${entry.name}`}
            >
              {t('edit')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
