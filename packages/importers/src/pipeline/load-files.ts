import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DomainError } from '@lagebild/core';
import { extensionOf, stemOf, type SourceFile } from './source-file.ts';

const SHAPEFILE_SIDECARS = ['dbf', 'prj', 'cpg', 'shx'];

/** Reads a data file from disk; a .shp or .dbf brings its sidecar files (.dbf, .prj, .cpg, .shx) along. */
export function loadSourceFiles(path: string): SourceFile[] {
  if (!existsSync(path)) throw new DomainError('FileUnreadable', `${path}: no such file.`);
  const files: SourceFile[] = [{ name: basename(path), bytes: readFileSync(path) }];
  const ext = extensionOf(path);
  if (ext === 'shp' || ext === 'dbf') {
    for (const sidecarExt of SHAPEFILE_SIDECARS) {
      if (sidecarExt === ext) continue;
      const candidate = join(dirname(path), `${stemOf(path)}.${sidecarExt}`);
      if (existsSync(candidate)) files.push({ name: basename(candidate), bytes: readFileSync(candidate) });
    }
  }
  return files;
}

/**
 * Parses a YAML or JSON mapping file. A `file:` entry in it is resolved relative to the mapping.
 * `${name}` placeholders are filled from `vars`, so one mapping serves several editions of a source.
 */
export function loadMappingFile(
  path: string,
  vars: Record<string, string> = {},
): { raw: Record<string, unknown>; dataPath: string | null } {
  if (!existsSync(path)) throw new DomainError('FileUnreadable', `${path}: no such mapping file.`);
  let raw: unknown;
  try {
    raw = parseYaml(fillVariables(readFileSync(path, 'utf8'), vars, path));
  } catch (error) {
    throw new DomainError('MappingInvalid', `${path}: not valid YAML/JSON (${(error as Error).message}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DomainError('MappingInvalid', `${path}: a mapping must be an object with at least "format".`);
  }
  const record = raw as Record<string, unknown>;
  const dataPath = typeof record.file === 'string' ? join(dirname(path), record.file) : null;
  const { file: _file, ...mapping } = record;
  return { raw: mapping, dataPath };
}

function fillVariables(text: string, vars: Record<string, string>, path: string): string {
  const withoutComments = text.replace(/^\s*#.*$/gm, '');
  const missing = new Set<string>();
  for (const match of withoutComments.matchAll(/\$\{(\w+)\}/g))
    if (!(match[1]! in vars)) missing.add(match[1]!);
  if (missing.size > 0) {
    throw new DomainError(
      'MappingInvalid',
      `${path}: give a value for ${[...missing].map((m) => `\${${m}}`).join(', ')} (--var name=value).`,
    );
  }
  return text.replace(/\$\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
