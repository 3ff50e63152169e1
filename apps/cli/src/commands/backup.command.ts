import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import type { Command } from 'commander';
import Database from 'better-sqlite3';
import { DomainError } from '@lagebild/core';
import { commandSettings, sqliteFile } from './common.ts';

/**
 * Backups use each engine's own consistent snapshot: SQLite's online backup API (safe while the server
 * runs) and pg_dump/pg_restore for PostgreSQL.
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write a consistent backup of the database to a file.')
    .argument('<file>', 'backup file')
    .action(async (file: string, _options, command: Command) => {
      const { database } = commandSettings(command);
      const sqlite = sqliteFile(database);
      if (sqlite) {
        if (!existsSync(sqlite))
          throw new DomainError('FileUnreadable', `${sqlite}: no database to back up.`);
        const db = new Database(sqlite, { readonly: true, fileMustExist: true });
        try {
          await db.backup(file);
        } finally {
          db.close();
        }
      } else run('pg_dump', ['--format=custom', `--file=${file}`, database]);
      process.stdout.write(`Backup written to ${file}\n`);
    });
  program
    .command('restore')
    .description('Replace the database with a backup (stop the server first).')
    .argument('<file>', 'backup file')
    .action(async (file: string, _options, command: Command) => {
      const { database } = commandSettings(command);
      if (!existsSync(file)) throw new DomainError('FileUnreadable', `${file}: no such backup.`);
      const sqlite = sqliteFile(database);
      if (sqlite) {
        checkSqliteBackup(file);
        copyFileSync(file, sqlite);
      } else run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${database}`, file]);
      process.stdout.write(`Database restored from ${file}\n`);
    });
}

function checkSqliteBackup(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('select count(*) from import_batches').get();
  } catch {
    throw new DomainError('FileUnreadable', `${file}: not a Lagebild SQLite backup.`);
  } finally {
    db.close();
  }
}

function run(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { stdio: 'inherit' });
  if (result.error)
    throw new DomainError(
      'FileUnreadable',
      `${tool} is needed for PostgreSQL backups (apt-get install postgresql-client).`,
    );
  if (result.status !== 0)
    throw new DomainError('FileUnreadable', `${tool} failed with exit code ${result.status}.`);
}
