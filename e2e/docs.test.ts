import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '@lagebild/cli';
import { API_ROUTES } from '@lagebild/server';
import { SETTINGS } from '@lagebild/server/settings';

// The docs are part of the product: these tests fail when a setting, command, format, finding or
// route is added without being documented.
const doc = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');

describe('documentation stays complete', () => {
  it('lists every setting with its environment variable', () => {
    const text = doc('settings.md');
    for (const setting of Object.values(SETTINGS)) expect(text).toContain(`\`${setting.env}\``);
  });

  it('describes every CLI command', () => {
    const text = doc('cli.md');
    for (const command of buildProgram().commands) expect(text).toContain(`lagebild ${command.name()}`);
  });

  it('describes every API route', () => {
    const text = doc('api.md');
    for (const route of API_ROUTES) expect(text).toContain(`/api/v1${route.path}`);
  });

  it('describes every import format and every finding code', () => {
    const text = doc('importing.md');
    const formats = [
      'csv',
      'xlsx',
      'genesis-classic',
      'genesis-flat',
      'dbf',
      'geojson',
      'shapefile',
      'shapefile-zip',
      'geopackage',
      'catalogue',
      'territorial-status',
    ];
    for (const format of formats) expect(text).toContain(`\`${format}\``);
    const codes = readFileSync(new URL('../packages/core/src/domain/import.ts', import.meta.url), 'utf8')
      .match(/export type ImportIssueCode =([^;]+);/)![1]!
      .match(/'(\w+)'/g)!
      .map((c) => c.slice(1, -1));
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(text).toContain(`\`${code}\``);
  });
});
