import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { DomainError, isDomainError, type ImportReport } from '@lagebild/core';
import { importFiles, loadMappingFile, loadSourceFiles, type SourceFile } from '@lagebild/importers';
import type { Store } from '@lagebild/store';
import { progressBar } from '../progress.ts';
import { formatReport } from '../report-printer.ts';
import { collectVar, commandSettings, withStore } from './common.ts';

interface ImportOptions {
  apply?: boolean;
  acceptExclusions?: boolean;
  json?: boolean;
  var: Record<string, string>;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import a file with a mapping. Dry run by default: reports what would change; --apply writes it.',
    )
    .argument('<mapping>', 'mapping file (YAML/JSON); its `file:` names the data unless [file] is given')
    .argument('[file]', 'data file (a .shp brings its .dbf/.prj/.cpg)')
    .option('--apply', 'write the import (in one transaction)')
    .option('--accept-exclusions', 'apply the valid rows and leave out the rows listed with errors')
    .option('--json', 'print the full report as JSON')
    .option('--var <name=value>', 'fill a ${name} placeholder in the mapping (repeatable)', collectVar, {})
    .action(
      async (mappingPath: string, file: string | undefined, options: ImportOptions, command: Command) => {
        const settings = commandSettings(command);
        const report = await withStore(settings.database, (store) =>
          importWithMapping(store, mappingPath, file, options),
        );
        process.stdout.write(
          options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, 'Import')}\n`,
        );
        if (report.errors > 0 && report.dryRun) process.exitCode = 1;
      },
    );
}

/** Loads mapping and data, runs the import cycle; an invalid apply still prints its report. */
export async function importWithMapping(
  store: Store,
  mappingPath: string,
  file: string | undefined,
  options: Omit<ImportOptions, 'json'>,
): Promise<ImportReport> {
  const { raw, dataPath } = loadMappingFile(mappingPath, options.var);
  const files = sourceFiles(mappingPath, raw, file ?? dataPath);
  const bar = progressBar(basename(files[0]?.name ?? mappingPath));
  try {
    return await importFiles(store, files, raw, {
      apply: options.apply === true,
      acceptExclusions: options.acceptExclusions === true,
      onProgress: bar.update,
    });
  } catch (error) {
    if (isDomainError(error) && error.code === 'ImportInvalid' && isReport(error.details))
      return error.details;
    throw error;
  } finally {
    bar.stop();
  }
}

function sourceFiles(
  mappingPath: string,
  raw: Record<string, unknown>,
  dataPath: string | null,
): SourceFile[] {
  if (raw.format === 'catalogue') return [{ name: basename(mappingPath), bytes: readFileSync(mappingPath) }];
  if (!dataPath)
    throw new DomainError(
      'MappingInvalid',
      `${mappingPath}: name the data file as an argument or as "file:" in the mapping.`,
    );
  return loadSourceFiles(dataPath);
}

function isReport(value: unknown): value is ImportReport {
  return typeof value === 'object' && value !== null && 'diff' in value && 'issues' in value;
}
