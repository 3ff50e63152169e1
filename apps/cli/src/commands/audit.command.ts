import type { Command } from 'commander';
import { DomainError } from '@lagebild/core';
import type { AuditEvent, Store } from '@lagebild/store';
import { commandSettings, withStore } from './common.ts';

interface AuditOptions {
  text?: string;
  user?: string;
  action?: string;
  since?: string;
  limit: string;
}

/** `lagebild audit`: search the audit trail from the command line, newest first. */
export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('Search the audit trail (who changed what, when), newest first.')
    .option('--text <text>', 'words in the summary, action, target or login (case does not matter)')
    .option('--user <login>', 'only changes by this user (login or user id)')
    .option('--action <action>', 'only this action, or a prefix ending in "." (e.g. user.)')
    .option('--since <date>', 'only changes from this ISO date or time on')
    .option('--limit <n>', 'at most this many events', '50')
    .action(async (options: AuditOptions, command: Command) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new DomainError(
          'ValidationFailed',
          `--limit expects a whole number >= 1, got "${options.limit}".`,
        );
      const since = options.since === undefined ? undefined : isoTime(options.since);
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        const page = await store.audit.search({
          text: options.text,
          actorUserId: options.user === undefined ? undefined : await userId(store, options.user),
          action: options.action,
          from: since,
          limit,
        });
        for (const event of page.events) process.stdout.write(`${formatEvent(event)}\n`);
        process.stdout.write(`${page.events.length} of ${page.total} event(s).\n`);
      });
    });
}

/** One line per event: time, actor and channel, action, summary. */
export function formatEvent(event: AuditEvent): string {
  const actor = event.actorLogin ?? (event.via === 'cli' ? '(command line)' : '(anonymous)');
  return `${event.at}  ${actor.padEnd(20)} ${event.via.padEnd(9)} ${event.action.padEnd(20)} ${event.summary}`;
}

async function userId(store: Store, loginOrId: string): Promise<string> {
  return (await store.accounts.findCredentials(loginOrId))?.id ?? loginOrId;
}

function isoTime(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d\d-\d\d/.test(value) || Number.isNaN(time))
    throw new DomainError(
      'ValidationFailed',
      `--since expects an ISO date such as 2026-03-01, got "${value}".`,
    );
  return new Date(time).toISOString();
}
