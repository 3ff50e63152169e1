import { copyFileSync, existsSync, rmSync } from 'node:fs';
import type { JobResult } from '../harness.ts';
import type { TempDatabases } from '../postgres.ts';

/** What every benchmark suite gets from bench/run.ts. */
export interface SuiteContext {
  /** A private temp directory, removed at the end. */
  work: string;
  runs: number;
  rows: number;
  /** Null with --skip-postgres. */
  postgres: TempDatabases | null;
  /** Where --profile writes CPU profiles of the product jobs; null without it. */
  profileDir: string | null;
  /** Run the product jobs with a larger stack (harness.ts BIG_STACK), with --big-stack: a diagnostic for stack overflows. */
  bigStack: boolean;
}

export interface SuiteResult {
  name: string;
  /** Facts about the input, for the report. */
  input: Record<string, string | number>;
  /** Untimed preparation (template stores), once per suite. */
  setup: JobResult[];
  variants: Record<string, JobResult[]>;
  /** A table of its own instead of the default one (bench/report.ts formatTable). */
  format?: (suite: SuiteResult) => string;
}

/** A fresh copy of a SQLite template database (with its WAL, if the template still has one). */
export function copySqlite(template: string, copy: string): () => void {
  for (const suffix of ['', '-wal']) {
    if (existsSync(template + suffix)) copyFileSync(template + suffix, copy + suffix);
  }
  return () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  };
}

/** Removes a DuckDB database file and its WAL. */
export function removeDuckDb(path: string): void {
  for (const suffix of ['', '.wal']) rmSync(path + suffix, { force: true });
}
