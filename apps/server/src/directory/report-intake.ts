import { DomainError, type DirectoryChange } from '@lagebild/core';
import type { Store } from '@lagebild/store';
import { AttemptLimiter } from '../auth/attempt-limiter.ts';

export interface PublicReport {
  /** The entry the report is about; absent for a missing service. */
  serviceId?: string | null;
  message: string;
  name?: string | null;
  email?: string | null;
  /** A field people never see and bots fill in; a report that fills it is dropped silently. */
  homepage?: string;
}

/**
 * Citizens' reports of a missing service or a correction. They land in the moderation queue as
 * changes of kind `report` and are never published by themselves. A few per hour from one address;
 * bots that fill the hidden field get the same answer as people, so they learn nothing.
 */
export class ReportIntake {
  readonly #limiter: AttemptLimiter;

  constructor(
    private readonly store: Store,
    options: { perHour?: number; now?: () => number } = {},
  ) {
    this.#limiter = new AttemptLimiter(options.perHour ?? 5, 60 * 60 * 1000);
    this.#now = options.now ?? Date.now;
  }

  readonly #now: () => number;

  async submit(report: PublicReport, address: string): Promise<DirectoryChange | null> {
    const now = this.#now();
    if (this.#limiter.blocked(address, now))
      throw new DomainError(
        'TooManyAttempts',
        'Zu viele Meldungen von dieser Adresse in der letzten Stunde. Bitte versuchen Sie es später wieder.',
      );
    this.#limiter.fail(address, now);
    if (report.homepage) return null;
    if (report.serviceId) {
      const entry = await this.store.getDirectoryEntry(report.serviceId);
      if (!entry)
        throw new DomainError('ServiceNotFound', `No directory entry "${report.serviceId}".`, {
          serviceId: report.serviceId,
        });
    }
    const name = report.name?.trim() || null;
    const email = report.email?.trim() || null;
    return this.store.directoryEditorial.proposeChange({
      kind: 'report',
      serviceId: report.serviceId ?? null,
      message: report.message,
      submittedBy: null,
      reporter: name || email ? { name, email } : null,
    });
  }
}
