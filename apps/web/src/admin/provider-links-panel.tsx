import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdminApi, DirectoryProvider, Organisation } from './admin-api.ts';
import { TextField } from './admin-fields.tsx';
import type { Translate } from './admin.i18n.ts';
import { ActionNotices } from './action-notices.tsx';
import { useAction } from './use-action.ts';

const SEARCH_LIMIT = 20;

interface Props {
  api: AdminApi;
  t: Translate;
  organisation: Organisation;
  organisations: Organisation[];
  onClose: () => void;
}

/**
 * The Träger of one provider organisation: those linked (whose Wegweiser entries its editors
 * maintain) and a search to link more or unlink them.
 */
export function ProviderLinksPanel({ api, t, organisation, organisations, onClose }: Props) {
  const [linked, setLinked] = useState<DirectoryProvider[] | null>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ total: number; providers: DirectoryProvider[] } | null>(null);
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the panel moves the focus into it, so keyboard users land where the content is.
  useEffect(() => heading.current?.focus(), []);
  const nameOf = (id: string | null) => organisations.find((o) => o.id === id)?.name ?? id ?? '';

  const loadLinked = async () => {
    const query = new URLSearchParams({ organisationId: organisation.id, limit: '500' });
    setLinked((await api.providers(query)).providers);
  };
  const search = async (q: string) => {
    setFound(await api.providers(new URLSearchParams({ q, limit: String(SEARCH_LIMIT) })));
  };
  const reload = async () => {
    await loadLinked();
    if (found) await search(text);
  };

  useEffect(() => {
    void action.run(async () => (await loadLinked(), ''));
  }, [organisation.id]);

  async function link(p: DirectoryProvider) {
    await action.run(async () => {
      await api.linkProvider(p.id, organisation.id);
      await reload();
      return t('prov.linkedDone', { provider: p.name, organisation: organisation.name });
    });
  }

  async function unlink(p: DirectoryProvider) {
    await action.run(async () => {
      await api.unlinkProvider(p.id);
      await reload();
      return t('prov.unlinkedDone', { provider: p.name });
    });
  }

  return (
    <section class="adm-panel" aria-labelledby="prov-heading">
      <h3 id="prov-heading" tabIndex={-1} ref={heading}>
        {t('prov.heading', { name: organisation.name })}
      </h3>
      <p>{t('prov.intro')}</p>
      <ActionNotices action={action} t={t} />
      <h4 id="prov-linked-heading">{t('prov.linked')}</h4>
      {linked === null ? (
        <p>{t('app.loading')}</p>
      ) : linked.length === 0 ? (
        <p>{t('prov.none')}</p>
      ) : (
        <ProviderTable t={t} providers={linked} labelledBy="prov-linked-heading" nameOf={nameOf}>
          {(p) => (
            <button
              type="button"
              aria-label={`${t('prov.unlink')}: ${p.name}`}
              onClick={() => void unlink(p)}
            >
              {t('prov.unlink')}
            </button>
          )}
        </ProviderTable>
      )}
      <form
        class="adm-form adm-search"
        role="search"
        aria-label={t('prov.search')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void action.run(async () => (await search(text), ''));
        }}
      >
        <TextField id="prov-search" type="search" label={t('prov.search')} value={text} onInput={setText} />
        <button type="submit">{t('prov.searchButton')}</button>
      </form>
      {found && (
        <>
          <p id="prov-results-count" aria-live="polite">
            {found.total === 0
              ? t('prov.noResults')
              : t('prov.results', { shown: found.providers.length, total: found.total })}
          </p>
          {found.providers.length > 0 && (
            <ProviderTable t={t} providers={found.providers} labelledBy="prov-results-count" nameOf={nameOf}>
              {(p) =>
                p.organisationId === organisation.id ? null : (
                  <button
                    type="button"
                    aria-label={`${t('prov.link')}: ${p.name}`}
                    onClick={() => void link(p)}
                  >
                    {t('prov.link')}
                  </button>
                )
              }
            </ProviderTable>
          )}
        </>
      )}
      <div class="adm-buttons">
        <button type="button" onClick={onClose}>
          {t('prov.close')}
        </button>
      </div>
    </section>
  );
}

interface TableProps {
  t: Translate;
  providers: DirectoryProvider[];
  labelledBy: string;
  nameOf: (organisationId: string | null) => string;
  children: (p: DirectoryProvider) => ComponentChildren;
}

function ProviderTable({ t, providers, labelledBy, nameOf, children }: TableProps) {
  return (
    <table class="adm-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('prov.name')}</th>
          <th scope="col">{t('prov.entries')}</th>
          <th scope="col">{t('prov.linkedTo')}</th>
          <th scope="col">{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {providers.map((p) => (
          <tr key={p.id} data-provider={p.id}>
            <th scope="row">
              {p.name} <span class="adm-muted">({p.id})</span>
            </th>
            <td>{p.entries}</td>
            <td>{nameOf(p.organisationId)}</td>
            <td class="adm-actions">{children(p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
