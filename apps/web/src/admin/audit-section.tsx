import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import type { AdminApi, AuditEvent } from './admin-api.ts';
import { TextField } from './admin-fields.tsx';
import { translateKey, type Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { auditDiff } from './audit-diff.ts';
import { useAction } from './use-action.ts';

const PAGE = 25;

interface Filters {
  text: string;
  action: string;
  from: string;
  to: string;
}

/** The audit trail: a search form and the events, each with its before/after as a field list. */
export function AuditSection({ api, t, lang }: { api: AdminApi; t: Translate; lang: Lang }) {
  const [filters, setFilters] = useState<Filters>({ text: '', action: '', from: '', to: '' });
  const [page, setPage] = useState<{ total: number; events: AuditEvent[] } | null>(null);
  const action = useAction();

  async function search(offset: number) {
    await action.run(async () => {
      const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
      for (const [key, value] of Object.entries(filters)) if (value.trim()) query.set(key, value.trim());
      const found = await api.audit(query);
      setPage((old) =>
        offset === 0 || !old ? found : { ...found, events: [...old.events, ...found.events] },
      );
      return '';
    });
  }

  useEffect(() => {
    void search(0);
  }, []);

  const set = (key: keyof Filters) => (value: string) => setFilters({ ...filters, [key]: value });
  const e = action.errors;
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <form
        class="adm-form adm-search"
        role="search"
        aria-label={t('audit.heading')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void search(0);
        }}
      >
        <TextField
          id="audit-text"
          type="search"
          label={t('audit.text')}
          value={filters.text}
          error={e.text}
          onInput={set('text')}
        />
        <TextField
          id="audit-action"
          label={t('audit.action')}
          value={filters.action}
          error={e.action}
          onInput={set('action')}
        />
        <TextField
          id="audit-from"
          type="date"
          label={t('audit.from')}
          value={filters.from}
          error={e.from}
          onInput={set('from')}
        />
        <TextField
          id="audit-to"
          type="date"
          label={t('audit.to')}
          value={filters.to}
          error={e.to}
          onInput={set('to')}
        />
        <button type="submit" disabled={action.busy}>
          {t('audit.search')}
        </button>
      </form>
      <ActionNotices action={action} t={t} />
      {page && <p role="status">{t('audit.count', { shown: page.events.length, total: page.total })}</p>}
      {page && page.events.length === 0 && <p>{t('audit.empty')}</p>}
      {page && page.events.length > 0 && (
        <table class="adm-table adm-audit">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {page.events.map((event) => (
              <AuditRow key={event.id} event={event} t={t} lang={lang} />
            ))}
          </tbody>
        </table>
      )}
      {page && page.events.length < page.total && (
        <button type="button" disabled={action.busy} onClick={() => void search(page.events.length)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}

function AuditRow({ event, t, lang }: { event: AuditEvent; t: Translate; lang: Lang }) {
  const who =
    event.actorLogin ??
    (event.via === 'cli'
      ? t('audit.cli')
      : event.via === 'system'
        ? t('audit.system')
        : t('audit.anonymous'));
  const rows = auditDiff(event.before, event.after);
  return (
    <tr>
      <td>
        <time dateTime={event.at}>
          {new Date(event.at).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')}
        </time>
      </td>
      <td>
        {who}
        <br />
        <span class="adm-muted">{translateKey(t, `audit.via.${event.via}`, event.via)}</span>
      </td>
      <td>
        {event.summary}
        <br />
        <code class="adm-muted">{event.action}</code>
      </td>
      <td>
        {rows.length === 0 ? (
          <span class="adm-muted">{t('audit.noChange')}</span>
        ) : (
          <table class="adm-diff">
            <thead>
              <tr>
                <th scope="col">{t('audit.field')}</th>
                <th scope="col">{t('audit.before')}</th>
                <th scope="col">{t('audit.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field}>
                  <th scope="row">{row.field}</th>
                  <td>{row.before === '' ? '–' : <del>{row.before}</del>}</td>
                  <td>{row.after === '' ? '–' : <ins>{row.after}</ins>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </td>
    </tr>
  );
}
