import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadMappingFile, parseImportMapping } from '@lagebild/importers';

const manifest = fileURLToPath(new URL('../demo/demo.yaml', import.meta.url));

describe('the demo manifest', () => {
  const steps = (
    parseYaml(readFileSync(manifest, 'utf8')) as {
      steps: { mapping?: string; vars?: Record<string, string> }[];
    }
  ).steps;

  it('names a mapping in every step, each a valid mapping whose data file is shipped', () => {
    expect(steps.length).toBeGreaterThan(20);
    for (const step of steps) {
      expect(step.mapping, JSON.stringify(step)).toEqual(expect.any(String));
      const path = join(dirname(manifest), step.mapping!);
      const { raw, dataPath } = loadMappingFile(path, step.vars ?? {});
      expect(() => parseImportMapping(raw), step.mapping).not.toThrow();
      if (raw.format !== 'catalogue')
        expect(existsSync(dataPath!), `${step.mapping}: ${dataPath}`).toBe(true);
    }
  });
});
