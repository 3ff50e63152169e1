import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Temporary PostgreSQL databases `lagebild_bench_<random>…` on the server of `adminUrl`: a template
 * prepared once, and one fresh copy per measured run. Every database made here is dropped by dropAll.
 */
export class TempDatabases {
  readonly #adminUrl: string;
  readonly #prefix = `lagebild_bench_${randomBytes(4).toString('hex')}`;
  readonly #created = new Set<string>();

  constructor(adminUrl: string) {
    this.#adminUrl = adminUrl;
  }

  /** Creates a database (optionally as a copy of a template made here) and returns its URL. */
  async create(suffix: string, template?: string): Promise<{ name: string; url: string }> {
    const name = `${this.#prefix}_${suffix}`;
    await this.#admin(`create database ${name}${template ? ` template ${template}` : ''}`);
    this.#created.add(name);
    const url = new URL(this.#adminUrl);
    url.pathname = `/${name}`;
    return { name, url: url.toString() };
  }

  async drop(name: string): Promise<void> {
    await this.#admin(`drop database if exists ${name} with (force)`);
    this.#created.delete(name);
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.#created]) await this.drop(name);
  }

  async #admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.#adminUrl, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(
        `PostgreSQL unreachable at ${redacted(this.#adminUrl)} (${(error as Error).message}); use --skip-postgres to leave it out`,
        {
          cause: error,
        },
      );
    }
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
