import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/format.ts';
import type { Session } from '../lib/session.ts';
import type { T } from './editorial-app.tsx';
import type { EditorialKey } from './editorial.i18n.ts';
import { show, type Category, type Change, type EditorialEntry } from './editorial-types.ts';
import { EntryEditor } from './entry-editor.tsx';
import { NewEntryForm } from './new-entry-form.tsx';

/** A report being turned into a proposal: the reported entry's edit form, or the new-entry form. */
type Adopting = { report: Change; entry: EditorialEntry | null };

/** Reviewers: the pending queue with before/after and publish/reject. Editors: their own proposals. */
export function ReviewQueue({
  session,
  t,
  lang,
  review,
}: {
  session: Session;
  t: T;
  lang: Lang;
  review: boolean;
}) {
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [status, setStatus] = useState<string>('');
  const [adopting, setAdopting] = useState<Adopting | null>(null);
  const [categories, setCategories] = useState<Map<string, string>>(new Map());
  const load = () =>
    session
      .request<{ items: Change[] }>('GET', `/directory/editorial/changes${review ? '?status=pending' : ''}`)
      .then(
        (r) => setChanges(r.items),
        (e: Error) => setStatus(t('error', { message: e.message })),
      );
  useEffect(() => void load(), [review]);
  useEffect(() => {
    session.request<{ categories: Category[] }>('GET', '/directory/categories').then(
      (r) =>
        setCategories(
          new Map(r.categories.map((c) => [c.id, lang === 'en' ? (c.nameEn ?? c.name) : c.name])),
        ),
      () => undefined,
    );
  }, [lang]);

  async function adopt(report: Change) {
    try {
      const entry = report.serviceId
        ? await session.request<EditorialEntry>(
            'GET',
            `/directory/editorial/entries/${encodeURIComponent(report.serviceId)}`,
          )
        : null;
      setAdopting({ report, entry });
    } catch (e) {
      setStatus(t('error', { message: (e as Error).message }));
    }
  }
  const closeAdopting = () => {
    setAdopting(null);
    void load();
  };
  if (adopting) {
    const report = { id: adopting.report.id, message: adopting.report.message };
    return adopting.entry ? (
      <EntryEditor
        session={session}
        t={t}
        lang={lang}
        entry={adopting.entry}
        report={report}
        onClose={closeAdopting}
      />
    ) : (
      <NewEntryForm session={session} t={t} lang={lang} report={report} onClose={closeAdopting} />
    );
  }

  async function decide(change: Change, action: 'publish' | 'reject', note: string, override: boolean) {
    try {
      await session.request('POST', `/directory/editorial/changes/${change.id}/${action}`, {
        note: note.trim() || null,
        ...(override ? { overrideConflict: true } : {}),
      });
      setStatus(t(action === 'publish' ? 'published' : 'rejected'));
      await load();
    } catch (e) {
      setStatus(t('error', { message: (e as Error).message }));
    }
  }

  return (
    <section aria-labelledby="ed-queue-heading">
      <h2 id="ed-queue-heading">{t(review ? 'tabQueue' : 'tabMine')}</h2>
      <p role="status">{status}</p>
      {changes && changes.length === 0 && <p>{t('queueEmpty')}</p>}
      {changes?.map((change) => (
        <ChangeCard
          key={change.id}
          change={change}
          t={t}
          review={review}
          categories={categories}
          onDecide={decide}
          onAdopt={adopt}
        />
      ))}
    </section>
  );
}

function ChangeCard(props: {
  change: Change;
  t: T;
  review: boolean;
  categories: Map<string, string>;
  onDecide: (change: Change, action: 'publish' | 'reject', note: string, override: boolean) => Promise<void>;
  onAdopt: (report: Change) => Promise<void>;
}) {
  const { change, t } = props;
  const [note, setNote] = useState('');
  const conflict = change.conflicts.length > 0;
  const who =
    change.kind === 'report'
      ? t('reportFrom', { who: change.reporter?.name ?? change.reporter?.email ?? t('anonymous') })
      : t('submittedBy', { name: change.submittedByName ?? '–', date: change.submittedAt.slice(0, 10) });
  const headingId = `ed-change-${change.id}`;
  return (
    <article class="ed-change" data-id={change.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`kind_${change.kind}` as EditorialKey)}: {change.serviceName ?? '–'} (
        {t(`status_${change.status}` as EditorialKey)})
      </h3>
      <p>{who}</p>
      {change.message && <blockquote>{change.message}</blockquote>}
      {change.reportId && <p>{t('fromReport')}</p>}
      {change.placement && <Placement change={change} t={t} categories={props.categories} />}
      {change.diff.length > 0 && (
        <table class="ed-diff">
          <thead>
            <tr>
              <th scope="col">{t('field')}</th>
              <th scope="col">{t('before')}</th>
              <th scope="col">{t('after')}</th>
            </tr>
          </thead>
          <tbody>
            {change.diff.map((d) => (
              <tr key={d.field} data-field={d.field}>
                <th scope="row">{t(`f_${d.field}` as EditorialKey)}</th>
                <td>{show(d.before)}</td>
                <td>{show(d.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {change.reviewNote && <p>{change.reviewNote}</p>}
      {props.review && change.status === 'pending' && (
        <>
          {conflict && (
            <p class="ed-conflict" role="alert">
              {t('conflict', {
                fields: change.conflicts.map((c) => t(`f_${c.field}` as EditorialKey)).join(', '),
              })}
            </p>
          )}
          <label for={`${headingId}-note`}>{t('note')}</label>
          <textarea
            id={`${headingId}-note`}
            rows={2}
            value={note}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
          <p class="ed-actions">
            {change.kind === 'report' && (
              <button type="button" class="ed-adopt" onClick={() => void props.onAdopt(change)}>
                {t('adopt')}
              </button>
            )}
            <button
              type="button"
              class="ed-publish"
              onClick={() => void props.onDecide(change, 'publish', note, conflict)}
            >
              {t(conflict ? 'publishAnyway' : 'publish')}
            </button>
            <button
              type="button"
              class="ed-reject"
              onClick={() => void props.onDecide(change, 'reject', note, false)}
            >
              {t('reject')}
            </button>
          </p>
        </>
      )}
    </article>
  );
}

/** Where a proposed new service is offered: Träger, category, facility, address and coordinates. */
function Placement({ change, t, categories }: { change: Change; t: T; categories: Map<string, string> }) {
  const placement = change.placement!;
  const facility = placement.facility;
  const a = facility?.address;
  const rows: [EditorialKey, string][] = [
    ['p_providerId', change.providerName ?? placement.providerId],
    ['p_categoryId', categories.get(placement.categoryId) ?? placement.categoryId],
    ...(facility
      ? ([
          ['p_facilityName', facility.name],
          [
            'newWhere',
            [
              [a?.street, a?.houseNumber].filter(Boolean).join(' '),
              [a?.postcode, a?.city].filter(Boolean).join(' '),
              a?.district,
            ]
              .filter(Boolean)
              .join(', '),
          ],
          ['coordinates', `${facility.location.lat}, ${facility.location.lon}`],
        ] as [EditorialKey, string][])
      : []),
  ];
  return (
    <dl class="ed-placement">
      {rows.map(([key, value]) => (
        <div key={key} data-field={key}>
          <dt>{t(key)}</dt>
          <dd>{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
