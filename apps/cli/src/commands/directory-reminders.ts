import { isVerificationDue, type DirectoryEntry } from '@lagebild/core';
import type { Store, UserAccount } from '@lagebild/store';
import { createTransport } from 'nodemailer';

export interface ReminderOptions {
  /** ISO date. */
  today: string;
  verifyMonths: number;
  /** The same entry is not reminded again to the same editor within this many days. */
  reminderDays: number;
}

export interface ReminderMail {
  userId: string;
  to: string;
  subject: string;
  text: string;
  serviceIds: string[];
}

export interface ReminderPlan {
  mails: ReminderMail[];
  /** Editors with due entries who cannot be written to (their login is no e-mail address). */
  unreachable: { login: string; due: number }[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * One mail per provider editor with entries due for verification, listing those not reminded to
 * them within the interval. The address is the editor's login when that is an e-mail address.
 */
export async function planReminders(store: Store, options: ReminderOptions): Promise<ReminderPlan> {
  const since = new Date(Date.parse(`${options.today}T00:00:00Z`) - options.reminderDays * 86_400_000);
  const recent = new Set(
    (await store.directoryEditorial.remindersSince(since.toISOString())).map(
      (r) => `${r.userId}|${r.serviceId}`,
    ),
  );
  const entries = await store.listDirectoryEntries();
  const links = await store.directoryEditorial.listProviderLinks();
  const plan: ReminderPlan = { mails: [], unreachable: [] };
  for (const user of await store.accounts.listUsers()) {
    if (!user.roles.includes('provider_editor') || !user.organisationId) continue;
    const providers = new Set(
      links.filter((l) => l.organisationId === user.organisationId).map((l) => l.providerId),
    );
    const due = entries.filter(
      (e) =>
        e.provider !== null &&
        providers.has(e.provider.id) &&
        isVerificationDue(e.service.lastVerified, options.today, options.verifyMonths) &&
        !recent.has(`${user.id}|${e.service.id}`),
    );
    if (due.length === 0) continue;
    if (!EMAIL.test(user.login)) plan.unreachable.push({ login: user.login, due: due.length });
    else plan.mails.push(reminderMail(user, due, options));
  }
  return plan;
}

function reminderMail(user: UserAccount, due: DirectoryEntry[], options: ReminderOptions): ReminderMail {
  const lines = due.map(
    (e) => `- ${e.service.name} (${e.service.id}), zuletzt geprüft: ${e.service.lastVerified ?? 'nie'}`,
  );
  return {
    userId: user.id,
    to: user.login,
    subject: `Wegweiser: ${due.length} Einträge bitte prüfen`,
    text: [
      `Guten Tag ${user.displayName},`,
      '',
      `diese Einträge im Wegweiser wurden seit mehr als ${options.verifyMonths} Monaten nicht geprüft:`,
      '',
      ...lines,
      '',
      'Bitte melden Sie sich unter /redaktion an und bestätigen Sie jeden Eintrag mit „Eintrag ist aktuell“',
      'oder schlagen Sie eine Änderung vor.',
    ].join('\n'),
    serviceIds: due.map((e) => e.service.id),
  };
}

export interface Mailer {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** An SMTP mailer for `smtp://` or `smtps://` URLs (nodemailer). */
export function smtpMailer(url: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
    close: () => transport.close(),
  };
}
