import { DomainError } from '@lagebild/core';
import type { ProviderLink, Store } from '@lagebild/store';

/** A Träger of the Wegweiser as administrators see it: with its entries and the organisation editing it. */
export interface ProviderSummary {
  id: string;
  name: string;
  kind: string | null;
  /** Directory entries (services not withdrawn) run by the Träger. */
  entries: number;
  organisationId: string | null;
  linkedAt: string | null;
}

export interface ProviderFilter {
  /** Part of the name or the id, case ignored. */
  q?: string;
  /** Only the Träger linked to this organisation. */
  organisationId?: string;
}

/**
 * Every Träger that runs at least one directory entry, or is linked to an organisation (a link
 * outlives the entries of a Träger a source no longer delivers), ordered by name.
 */
export async function listProviders(store: Store, filter: ProviderFilter = {}): Promise<ProviderSummary[]> {
  const [entries, links] = await Promise.all([
    store.listDirectoryEntries(),
    store.directoryEditorial.listProviderLinks(),
  ]);
  const byId = new Map<string, ProviderSummary>();
  for (const { provider } of entries) {
    if (!provider) continue;
    const known = byId.get(provider.id);
    if (known) known.entries++;
    else byId.set(provider.id, summary(provider.id, provider.name, provider.kind ?? null, 1));
  }
  for (const link of links) {
    const found = byId.get(link.providerId) ?? summary(link.providerId, link.providerId, null, 0);
    byId.set(link.providerId, { ...found, organisationId: link.organisationId, linkedAt: link.linkedAt });
  }
  const q = filter.q?.trim().toLocaleLowerCase('de');
  return [...byId.values()]
    .filter((p) => filter.organisationId === undefined || p.organisationId === filter.organisationId)
    .filter((p) => !q || p.name.toLocaleLowerCase('de').includes(q) || p.id.toLowerCase().includes(q))
    .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
}

/** The organisation a Träger is linked to, or null. */
export async function linkOf(store: Store, providerId: string): Promise<ProviderLink | null> {
  const links = await store.directoryEditorial.listProviderLinks();
  return links.find((l) => l.providerId === providerId) ?? null;
}

/** The Träger's summary; an id no entry and no link knows is refused with the field named. */
export async function providerOrFail(store: Store, providerId: string): Promise<ProviderSummary> {
  const found = (await listProviders(store)).find((p) => p.id === providerId);
  if (!found)
    throw new DomainError('ValidationFailed', `No Träger "${providerId}" in the Wegweiser.`, [
      { path: 'providerId', message: `No Träger "${providerId}" in the Wegweiser.` },
    ]);
  return found;
}

function summary(id: string, name: string, kind: string | null, entries: number): ProviderSummary {
  return { id, name, kind, entries, organisationId: null, linkedAt: null };
}
