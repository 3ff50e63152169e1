import {
  DEFAULT_VERIFICATION_MONTHS,
  DomainError,
  diffEditableFields,
  editableFieldsOf,
  hasPermission,
  isVerificationDue,
  type DirectoryChange,
  type DirectoryEntry,
  type EditableServiceFields,
  type Principal,
} from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { newEntryChange, type NewEntryContext, type NewEntryRequest } from './new-entry.ts';

export interface EditorialEntry {
  id: string;
  name: string;
  provider: { id: string; name: string } | null;
  facility: { id: string; name: string; city: string | null } | null;
  categoryId: string;
  status: string;
  lastVerified: string | null;
  verificationDue: boolean;
  pendingChanges: number;
  fields: EditableServiceFields;
}

export interface EditorialChangeView extends DirectoryChange {
  serviceName: string | null;
  /** The Träger of a proposed new service. */
  providerName: string | null;
  submittedByName: string | null;
  reviewedByName: string | null;
  /** What the change would alter, against the entry as it was proposed. */
  diff: ReturnType<typeof diffEditableFields>;
  /** Fields of the entry changed since the change was proposed (publishing needs an override). */
  conflicts: ReturnType<typeof diffEditableFields>;
}

export interface EditorialOptions {
  verifyMonths?: number;
  today?: () => string;
}

/**
 * The editorial side of the Wegweiser over the store. Provider editors see and change only the
 * services of the Träger linked to their organisation; reviewers (directory:review) see every entry
 * and the whole queue. Nothing here publishes without a reviewer, except a bare verification.
 */
export class EditorialService {
  readonly verifyMonths: number;
  readonly #today: () => string;

  constructor(
    private readonly store: Store,
    options: EditorialOptions = {},
  ) {
    this.verifyMonths = options.verifyMonths ?? DEFAULT_VERIFICATION_MONTHS;
    this.#today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  }

  isReviewer(principal: Principal): boolean {
    return hasPermission(principal, 'directory:review');
  }

  /** The Träger ids a principal may edit; null: every one (reviewers). */
  async editableProviders(principal: Principal): Promise<Set<string> | null> {
    if (this.isReviewer(principal)) return null;
    if (!principal.organisationId) return new Set();
    const links = await this.store.directoryEditorial.listProviderLinks(principal.organisationId);
    return new Set(links.map((l) => l.providerId));
  }

  async entries(principal: Principal, filter: { q?: string; due?: boolean } = {}): Promise<EditorialEntry[]> {
    const providers = await this.editableProviders(principal);
    const all = await this.store.listDirectoryEntries();
    const mine = all.filter(
      (e) => providers === null || (e.provider !== null && providers.has(e.provider.id)),
    );
    const pending = await this.#pendingByService();
    const q = filter.q?.trim().toLocaleLowerCase('de');
    return mine
      .map((e) => this.#toEntry(e, pending.get(e.service.id) ?? 0))
      .filter((e) => !q || e.name.toLocaleLowerCase('de').includes(q) || e.id === filter.q)
      .filter((e) => !filter.due || e.verificationDue);
  }

  async entry(principal: Principal, serviceId: string): Promise<EditorialEntry> {
    const entry = await this.#editable(principal, serviceId);
    const pending = await this.#pendingByService();
    return this.#toEntry(entry, pending.get(serviceId) ?? 0);
  }

  async propose(
    principal: Principal,
    serviceId: string,
    change: {
      kind: 'edit' | 'withdraw' | 'verify';
      fields?: Partial<EditableServiceFields>;
      message?: string | null;
      reportId?: string | null;
    },
  ): Promise<EditorialChangeView> {
    await this.#editable(principal, serviceId);
    this.#mayAnswerReports(principal, change.reportId);
    const created = await this.store.directoryEditorial.proposeChange({
      kind: change.kind,
      serviceId,
      fields: change.fields,
      message: change.message ?? null,
      submittedBy: principal.userId,
      reportId: change.reportId ?? null,
    });
    return (await this.views([created]))[0]!;
  }

  /** Proposes a new service (with a new facility) for one of the caller's Träger; see new-entry.ts. */
  async proposeNew(
    principal: Principal,
    request: NewEntryRequest,
    env: Pick<NewEntryContext, 'categories' | 'geocode'>,
  ): Promise<EditorialChangeView> {
    this.#mayAnswerReports(principal, request.reportId);
    const change = await newEntryChange(request, {
      ...env,
      allowed: await this.editableProviders(principal),
      known: await this.#providerNames(),
      submittedBy: principal.userId!,
    });
    const created = await this.store.directoryEditorial.proposeChange(change);
    return (await this.views([created]))[0]!;
  }

  /** The Träger the caller may propose new entries for, by name. */
  async providers(principal: Principal): Promise<{ id: string; name: string }[]> {
    const allowed = await this.editableProviders(principal);
    const names = await this.#providerNames();
    const ids = allowed === null ? [...names.keys()] : [...allowed];
    return ids
      .map((id) => ({ id, name: names.get(id) ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }

  /** Reviewers: every change (by status); editors: their own. */
  async changes(principal: Principal, status?: DirectoryChange['status']): Promise<EditorialChangeView[]> {
    const changes = await this.store.directoryEditorial.listChanges({
      ...(status ? { status } : {}),
      ...(this.isReviewer(principal) ? {} : { submittedBy: principal.userId ?? '' }),
    });
    return this.views(changes);
  }

  async publish(
    principal: Principal,
    id: string,
    decision: { note?: string | null; overrideConflict?: boolean },
  ): Promise<EditorialChangeView> {
    const change = await this.store.directoryEditorial.publishChange(id, {
      reviewedBy: principal.userId!,
      note: decision.note ?? null,
      overrideConflict: decision.overrideConflict ?? false,
    });
    return (await this.views([change]))[0]!;
  }

  async reject(principal: Principal, id: string, note: string | null): Promise<EditorialChangeView> {
    const change = await this.store.directoryEditorial.rejectChange(id, {
      reviewedBy: principal.userId!,
      note,
    });
    return (await this.views([change]))[0]!;
  }

  async history(principal: Principal, serviceId: string) {
    await this.#editable(principal, serviceId);
    const items = await this.store.directoryEditorial.entryHistory(serviceId);
    const names = await this.#userNames();
    return items.map((item) => ({
      ...item,
      byName: item.by ? (names.get(item.by) ?? item.by) : null,
      proposedByName: item.proposedBy ? (names.get(item.proposedBy) ?? item.proposedBy) : null,
    }));
  }

  async views(changes: DirectoryChange[]): Promise<EditorialChangeView[]> {
    const names = await this.#userNames();
    const providers = changes.some((c) => c.placement) ? await this.#providerNames() : new Map();
    const views: EditorialChangeView[] = [];
    for (const change of changes) {
      const entry = change.serviceId ? await this.store.getDirectoryEntry(change.serviceId) : null;
      const current = entry ? editableFieldsOf(entry.service) : null;
      const pendingEdit = change.status === 'pending' && change.kind === 'edit';
      views.push({
        ...change,
        serviceName: entry?.service.name ?? (change.fields.name as string | undefined) ?? null,
        providerName: change.placement
          ? (providers.get(change.placement.providerId) ?? change.placement.providerId)
          : null,
        submittedByName: change.submittedBy ? (names.get(change.submittedBy) ?? change.submittedBy) : null,
        reviewedByName: change.reviewedBy ? (names.get(change.reviewedBy) ?? change.reviewedBy) : null,
        diff: change.base
          ? diffEditableFields(change.base, { ...change.base, ...change.fields })
          : // A new entry: every field it is given, from nothing.
            diffEditableFields({}, change.fields).filter((d) => !isEmptyList(d.after)),
        conflicts: pendingEdit && change.base && current ? diffEditableFields(change.base, current) : [],
      });
    }
    return views;
  }

  /** Only reviewers see citizens' reports, so only they turn one into a proposal. */
  #mayAnswerReports(principal: Principal, reportId: string | null | undefined): void {
    if (reportId && !this.isReviewer(principal))
      throw new DomainError('PermissionDenied', 'Only reviewers turn citizens’ reports into proposals.', {
        reportId,
      });
  }

  /** Every Träger with an entry in the directory, by id. */
  async #providerNames(): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const e of await this.store.listDirectoryEntries())
      if (e.provider) names.set(e.provider.id, e.provider.name);
    return names;
  }

  async #editable(principal: Principal, serviceId: string): Promise<DirectoryEntry> {
    const entry = await this.store.getDirectoryEntry(serviceId);
    if (!entry) throw new DomainError('ServiceNotFound', `No directory entry "${serviceId}".`, { serviceId });
    const providers = await this.editableProviders(principal);
    if (providers !== null && !(entry.provider && providers.has(entry.provider.id)))
      throw new DomainError(
        'PermissionDenied',
        `Entry "${serviceId}" belongs to a Träger your organisation does not maintain.`,
        { serviceId },
      );
    return entry;
  }

  #toEntry(e: DirectoryEntry, pendingChanges: number): EditorialEntry {
    return {
      id: e.service.id,
      name: e.service.name,
      provider: e.provider ? { id: e.provider.id, name: e.provider.name } : null,
      facility: e.facility
        ? { id: e.facility.id, name: e.facility.name, city: e.facility.address.city }
        : null,
      categoryId: e.service.categoryId,
      status: e.service.status,
      lastVerified: e.service.lastVerified,
      verificationDue: isVerificationDue(e.service.lastVerified, this.#today(), this.verifyMonths),
      pendingChanges,
      fields: editableFieldsOf(e.service),
    };
  }

  async #pendingByService(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const c of await this.store.directoryEditorial.listChanges({ status: 'pending' }))
      if (c.serviceId) counts.set(c.serviceId, (counts.get(c.serviceId) ?? 0) + 1);
    return counts;
  }

  async #userNames(): Promise<Map<string, string>> {
    const users = await this.store.accounts.listUsers();
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}
