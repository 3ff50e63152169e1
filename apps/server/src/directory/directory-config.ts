import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  DomainError,
  isDomainError,
  parseCategoryTree,
  parseSynonyms,
  type DirectorySearchConfig,
} from '@lagebild/core';

/** The shipped default category tree and synonyms of the Wegweiser. */
export const DEMO_DIRECTORY_CATEGORIES = fileURLToPath(
  new URL('../../../../demo/directory/categories.yaml', import.meta.url),
);
export const DEMO_DIRECTORY_SYNONYMS = fileURLToPath(
  new URL('../../../../demo/directory/synonyms.yaml', import.meta.url),
);

/**
 * Reads the category tree and the synonyms (YAML). A missing or invalid file stops the start with a
 * `ValidationFailed` naming the file and the bad entry.
 */
export function loadDirectoryConfig(
  categoriesFile = DEMO_DIRECTORY_CATEGORIES,
  synonymsFile = DEMO_DIRECTORY_SYNONYMS,
): DirectorySearchConfig {
  return {
    categories: readWith(categoriesFile, parseCategoryTree),
    synonyms: readWith(synonymsFile, parseSynonyms),
  };
}

function readWith<T>(file: string, parse: (raw: unknown) => T): T {
  if (!existsSync(file)) throw new DomainError('ValidationFailed', `${file}: no such file`, { file });
  try {
    return parse(parseYaml(readFileSync(file, 'utf8')));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const details = isDomainError(error) ? { file, ...(error.details as object) } : { file };
    throw new DomainError('ValidationFailed', `${file}: ${message}`, details);
  }
}
