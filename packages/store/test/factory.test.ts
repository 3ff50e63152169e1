import { DomainError } from '@lagebild/core';
import { describe, expect, it } from 'vitest';
import { openStore, parseStoreUrl } from '../src/index.ts';

describe('parseStoreUrl', () => {
  it.each([
    ['postgres://u:p@db:5432/lagebild', { dialect: 'postgres', url: 'postgres://u:p@db:5432/lagebild' }],
    ['postgresql://db/lagebild', { dialect: 'postgres', url: 'postgresql://db/lagebild' }],
    ['sqlite:/var/lib/lagebild/data.db', { dialect: 'sqlite', path: '/var/lib/lagebild/data.db' }],
    ['sqlite:///var/lib/lagebild/data.db', { dialect: 'sqlite', path: '/var/lib/lagebild/data.db' }],
    ['sqlite:data/lagebild.sqlite', { dialect: 'sqlite', path: 'data/lagebild.sqlite' }],
    ['sqlite::memory:', { dialect: 'sqlite', path: ':memory:' }],
    [':memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['./data/lagebild.db', { dialect: 'sqlite', path: './data/lagebild.db' }],
    ['C:\\Daten\\Kreis.SQLITE', { dialect: 'sqlite', path: 'C:\\Daten\\Kreis.SQLITE' }],
  ])('%s', (url, target) => {
    expect(parseStoreUrl(url)).toEqual(target);
  });

  it('rejects anything else, without echoing a password', () => {
    for (const url of ['mysql://u:secret@db/x', 'data.csv', '', 'sqlite:']) {
      let error: unknown = null;
      try {
        parseStoreUrl(url);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('ValidationFailed');
      expect((error as DomainError).message).not.toContain('secret');
    }
  });
});

describe('openStore', () => {
  it('opens a SQLite store that migrates and answers', async () => {
    const store = await openStore(':memory:');
    try {
      expect(store.dialect).toBe('sqlite');
      await store.migrate();
      expect(await store.listLevels()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('fails at once, naming the URL without its password, when PostgreSQL cannot be reached', async () => {
    const opening = openStore('postgres://lagebild:secret@127.0.0.1:1/lagebild');
    await expect(opening).rejects.toThrow(
      'PostgreSQL unreachable at postgres://lagebild:***@127.0.0.1:1/lagebild',
    );
  });
});
