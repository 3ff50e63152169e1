import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { resolveSettings, type Settings } from '@lagebild/server/settings';
import { openStore, type Store } from '@lagebild/store';

/** Settings for a command: its own flags, the global --database, the environment, the defaults. */
export function commandSettings(
  command: Command,
  overrides: Partial<Record<keyof Settings, string | number | undefined>> = {},
): Settings {
  const globals = command.optsWithGlobals() as { database?: string };
  return resolveSettings({ database: globals.database, ...overrides });
}

/** Opens and migrates the store; creates the directory of a SQLite file on first use. */
export async function openMigratedStore(database: string): Promise<Store> {
  const file = sqliteFile(database);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const store = await openStore(database);
  await store.migrate();
  return store;
}

/** The file path of a SQLite database URL, or null for PostgreSQL. */
export function sqliteFile(database: string): string | null {
  if (/^postgres(ql)?:\/\//.test(database)) return null;
  if (database === ':memory:') return null;
  return database.startsWith('sqlite:') ? database.slice('sqlite:'.length) : database;
}

export async function withStore<T>(database: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openMigratedStore(database);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Parses repeated `--var name=value` options. */
export function collectVar(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`--var expects name=value, got "${value}"`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}
