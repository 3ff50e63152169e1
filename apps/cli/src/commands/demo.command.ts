import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { DomainError } from '@lagebild/core';
import { loadMappingFile } from '@lagebild/importers';
import type { Store } from '@lagebild/store';
import { commandSettings, withStore } from './common.ts';
import { importWithMapping } from './import.command.ts';
import { serveUntilStopped } from './serve.command.ts';

export const DEMO_MANIFEST = fileURLToPath(new URL('../../../../demo/demo.yaml', import.meta.url));

interface DemoStep {
  mapping: string;
  vars?: Record<string, string>;
  acceptExclusions?: boolean;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Load the demo data (real open data, see demo/ATTRIBUTION.md) once, then start the server.')
    .option('-p, --port <port>', 'port [env LAGEBILD_PORT, default 8080]')
    .option('--host <host>', 'interface to listen on')
    .option('--no-serve', 'only load the data')
    .action(async (options: { port?: string; host?: string; serve: boolean }, command: Command) => {
      const settings = commandSettings(command, { port: options.port, host: options.host });
      await withStore(settings.database, (store) =>
        loadDemo(store, (line) => process.stdout.write(`${line}\n`)),
      );
      if (options.serve) await serveUntilStopped(settings);
    });
}

/**
 * Runs every step of the demo manifest that is not applied yet, so a second start takes seconds and an
 * interrupted first start resumes where it stopped.
 */
export async function loadDemo(
  store: Store,
  log: (line: string) => void,
  manifest = DEMO_MANIFEST,
): Promise<void> {
  const steps = readManifest(manifest);
  const applied = new Set(
    (await store.listBatches()).filter((b) => b.status === 'applied').map((b) => stableJson(b.mapping)),
  );
  const started = Date.now();
  let loaded = 0;
  for (const [index, step] of steps.entries()) {
    const mappingPath = join(dirname(manifest), step.mapping);
    const vars = step.vars ?? {};
    if (applied.has(stableJson(loadMappingFile(mappingPath, vars).raw))) continue;
    const label = `[${index + 1}/${steps.length}] ${step.mapping}${step.vars ? ` ${Object.values(vars).join(' ')}` : ''}`;
    const result = await importWithMapping(store, mappingPath, undefined, {
      apply: true,
      acceptExclusions: step.acceptExclusions === true,
      var: vars,
    });
    if (result.dryRun)
      throw new DomainError(
        'ImportInvalid',
        `${label}: ${result.errors} error(s); the demo data did not load.`,
        result,
      );
    loaded++;
    const counts = result.diff;
    const excluded = result.excludedRows
      ? `, ${result.excludedRows} rows of other territorial status left out`
      : '';
    log(
      `${label}: ${counts.areas.inserted} areas, ${counts.indicators.inserted} indicators, ${counts.observations.inserted} values${excluded}`,
    );
  }
  log(
    loaded === 0
      ? 'Demo data already loaded.'
      : `Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

/** JSON with sorted keys, so a mapping compares equal however the store kept it. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function readManifest(path: string): DemoStep[] {
  if (!existsSync(path)) throw new DomainError('FileUnreadable', `${path}: demo manifest not found.`);
  const parsed = parseYaml(readFileSync(path, 'utf8')) as { steps?: DemoStep[] };
  if (!Array.isArray(parsed.steps))
    throw new DomainError('MappingInvalid', `${path}: expected a list under "steps".`);
  return parsed.steps;
}
