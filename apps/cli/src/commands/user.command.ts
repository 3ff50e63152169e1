import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { DomainError, isRole, ROLES, type Role } from '@lagebild/core';
import { hashPassword, passwordProblem } from '@lagebild/server/auth/password';
import { ORGANISATION_KINDS, type OrganisationKind } from '@lagebild/store';
import { commandSettings, withStore } from './common.ts';
import { registerProviderLinkCommands } from './provider-link.command.ts';

interface CreateOptions {
  login: string;
  role: string[];
  organisation?: string;
  name?: string;
  topic: string[];
  passwordStdin?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `lagebild user create|list` and `lagebild organisation create|list|link-provider|unlink-provider`:
 * local accounts, no server needed.
 */
export function registerUserCommands(program: Command): void {
  const user = program
    .command('user')
    .description('Manage local user accounts (first run: create the administrator).');
  user
    .command('create')
    .description(
      'Create a user; the password is asked for (hidden), or read from stdin with --password-stdin.',
    )
    .requiredOption('--login <login>', 'sign-in name (unique, case does not matter)')
    .requiredOption('--role <role>', `role, repeatable: ${ROLES.join(', ')}`, collect, [])
    .option('--organisation <id>', 'organisation id (see `lagebild organisation list`)')
    .option('--name <display name>', 'display name (default: the login)')
    .option('--topic <topic>', 'topic of a department planner, repeatable', collect, [])
    .option('--password-stdin', 'read the password from stdin (first line), for scripts')
    .action(async (options: CreateOptions, command: Command) => {
      const roles = checkRoles(options.role);
      const password = await readPassword(Boolean(options.passwordStdin));
      const problem = passwordProblem(options.login, password);
      if (problem) throw new DomainError('ValidationFailed', `Password refused: ${problem}`);
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        const created = await store.accounts.createUser({
          login: options.login,
          displayName: options.name,
          passwordHash: await hashPassword(password),
          roles,
          organisationId: options.organisation ?? null,
          topics: options.topic,
        });
        await store.audit.record({
          via: 'cli',
          action: 'user.create',
          targetType: 'user',
          targetId: created.id,
          summary: `User ${created.login} created (${created.roles.join(', ')}) on the command line`,
          after: created,
        });
        process.stdout.write(`User ${created.login} created (${created.roles.join(', ')}).\n`);
      });
    });
  user
    .command('list')
    .description('List the users with their roles and organisation.')
    .action(async (_options, command: Command) => {
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        for (const u of await store.accounts.listUsers()) {
          const locked =
            u.lockedUntil && u.lockedUntil > new Date().toISOString()
              ? `  locked until ${u.lockedUntil}`
              : '';
          process.stdout.write(
            `${u.login.padEnd(24)} ${u.roles.join(',').padEnd(28)} ${u.organisationId ?? '-'}${locked}\n`,
          );
        }
      });
    });

  const organisation = program
    .command('organisation')
    .description('Manage the organisations users belong to.');
  organisation
    .command('create')
    .description('Create an organisation (Kreis, Gemeinde, department, provider).')
    .argument('<id>', 'short id, e.g. jugendamt')
    .argument('<name>', 'name, e.g. "Jugendamt"')
    .requiredOption('--kind <kind>', ORGANISATION_KINDS.join(', '))
    .option('--parent <id>', 'the organisation it belongs to')
    .action(
      async (id: string, name: string, options: { kind: string; parent?: string }, command: Command) => {
        if (!(ORGANISATION_KINDS as readonly string[]).includes(options.kind))
          throw new DomainError(
            'ValidationFailed',
            `Unknown kind "${options.kind}"; one of ${ORGANISATION_KINDS.join(', ')}.`,
          );
        const settings = commandSettings(command);
        await withStore(settings.database, async (store) => {
          const created = await store.accounts.createOrganisation({
            id,
            name,
            kind: options.kind as OrganisationKind,
            parentId: options.parent,
          });
          await store.audit.record({
            via: 'cli',
            action: 'organisation.create',
            targetType: 'organisation',
            targetId: id,
            summary: `Organisation ${id} (${name}) created on the command line`,
            after: created,
          });
          process.stdout.write(`Organisation ${id} created.\n`);
        });
      },
    );
  organisation
    .command('list')
    .description('List the organisations.')
    .action(async (_options, command: Command) => {
      const settings = commandSettings(command);
      await withStore(settings.database, async (store) => {
        for (const o of await store.accounts.listOrganisations())
          process.stdout.write(
            `${o.id.padEnd(20)} ${o.kind.padEnd(11)} ${o.name}${o.parentId ? `  (in ${o.parentId})` : ''}\n`,
          );
      });
    });
  registerProviderLinkCommands(organisation);
}

function checkRoles(values: string[]): Role[] {
  const unknown = values.filter((v) => !isRole(v));
  if (unknown.length > 0)
    throw new DomainError(
      'ValidationFailed',
      `Unknown role ${unknown.join(', ')}; one of ${ROLES.join(', ')}.`,
    );
  return values as Role[];
}

/** The password: the first line of stdin, or asked twice without echo on a terminal. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) return firstLine();
  const first = await askHidden('Password: ');
  const second = await askHidden('Repeat the password: ');
  if (first !== second) throw new DomainError('ValidationFailed', 'The two passwords differ.');
  return first;
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new DomainError('ValidationFailed', 'No password on stdin.');
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing the user types; only the prompt itself is written.
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text: string) => {
      if (text.startsWith(prompt)) process.stderr.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
