import type { Command } from 'commander';
import { commandSettings, withStore } from './common.ts';
import { planReminders, smtpMailer } from './directory-reminders.ts';

/** `lagebild directory remind`: verification reminders to the Wegweiser's provider editors. */
export function registerDirectoryCommands(program: Command): void {
  const directory = program.command('directory').description('The Wegweiser (service directory).');
  directory
    .command('remind')
    .description(
      'E-mail every provider editor the entries due for verification (setting directoryVerifyMonths), at most once per entry within directoryReminderDays; sent via LAGEBILD_SMTP_URL, else printed.',
    )
    .option('--dry-run', 'print the mails, send and record nothing')
    .action(async (options: { dryRun?: boolean }, command: Command) => {
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        const now = new Date();
        const plan = await planReminders(store, {
          today: now.toISOString().slice(0, 10),
          verifyMonths: settings.directoryVerifyMonths,
          reminderDays: settings.directoryReminderDays,
        });
        for (const u of plan.unreachable)
          process.stderr.write(`Not reminded: ${u.login} (${u.due} due) has no e-mail address as login.\n`);
        const mailer = !options.dryRun && settings.smtpUrl ? smtpMailer(settings.smtpUrl) : null;
        try {
          for (const mail of plan.mails) {
            const message = { from: settings.mailFrom, to: mail.to, subject: mail.subject, text: mail.text };
            if (mailer) await mailer.send(message);
            else process.stdout.write(`To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n\n`);
            if (options.dryRun) continue;
            const sentAt = new Date().toISOString();
            await store.directoryEditorial.recordReminders(
              mail.serviceIds.map((serviceId) => ({ userId: mail.userId, serviceId, sentAt })),
            );
          }
        } finally {
          mailer?.close();
        }
        const verb = options.dryRun ? 'would be sent' : mailer ? 'sent' : 'printed (no LAGEBILD_SMTP_URL)';
        process.stdout.write(`${plan.mails.length} reminder(s) ${verb}.\n`);
      });
    });
}
