import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_INDEX_PRESETS, DEMO_WARNING_RULES, loadWarningRules } from '../src/index.ts';
import { PresetCatalogue } from '../src/presets/preset-catalogue.ts';
import { presetSummary } from '../src/presets/preset-summary.ts';

const dir = mkdtempSync(join(tmpdir(), 'lagebild-presets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('index presets from YAML directories', () => {
  it('reads the demo presets: composite indices with versions and the MSS cross class', () => {
    const catalogue = PresetCatalogue.load([DEMO_INDEX_PRESETS]);
    const summaries = catalogue.list().map(presetSummary);
    expect(summaries.map((p) => [p.id, p.kind])).toEqual([
      ['berlin-mss-dynamik', 'index'],
      ['berlin-mss-gesamtindex', 'cross'],
      ['berlin-mss-status', 'index'],
      ['sozialformel-pinneberg', 'index'],
    ]);
    const status = summaries.find((p) => p.id === 'berlin-mss-status')!;
    expect(status.versions.map((v) => [v.version, v.components.length])).toEqual([
      [1, 4],
      [2, 3],
    ]);
    expect(status.versions[1]!.classes[0]).toEqual({
      code: 1,
      label: 'hoch',
      symbol: '1',
      interval: '(-inf, -1)',
    });
    expect(summaries[1]!.parts).toEqual([
      { name: 'Status', index: 'berlin-mss-status' },
      { name: 'Dynamik', index: 'berlin-mss-dynamik' },
    ]);
  });

  it('names the file of a bad preset and a missing directory', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\nname: Bad\ncombine: product\ncomponents: []\n');
    expect(() => PresetCatalogue.load([dir])).toThrow(/bad\.yaml: /);
    expect(() => PresetCatalogue.load([join(dir, 'none')])).toThrow(/does not exist/);
  });

  it('reads the demo warning rules', () => {
    const rules = loadWarningRules([DEMO_WARNING_RULES]);
    expect(rules.map((r) => r.rule.kind)).toContain('class_drop');
    expect(rules.find((r) => r.id === 'mss-statusindex-abstieg')!.classes).toEqual({
      index: 'berlin-mss-status',
    });
  });
});
