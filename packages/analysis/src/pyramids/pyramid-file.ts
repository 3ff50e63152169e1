import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  checkUniqueIds,
  DomainError,
  isDomainError,
  parsePyramidDefinitions,
  type PyramidDefinition,
} from '@lagebild/core';

/** The demo's population pyramid (21 age groups of table 12411-03-03-4), shipped with the repository. */
export const DEMO_PYRAMIDS = fileURLToPath(new URL('../../../../demo/pyramids.yaml', import.meta.url));

/**
 * Reads the pyramids of YAML files (`pyramids: [...]`), in order. Errors name the file, the entry
 * and the field (`demo/pyramids.yaml: pyramids[0].bands[3].ageFrom: expected …`); an id used in two
 * files is an error too, so no configuration silently replaces another.
 */
export function loadPyramids(files: readonly string[]): PyramidDefinition[] {
  const pyramids = files.flatMap((file) => {
    if (!existsSync(file))
      throw new DomainError('ValidationFailed', `pyramid file ${file} does not exist`, { file });
    try {
      return parsePyramidDefinitions(parseYaml(readFileSync(file, 'utf8')) as unknown);
    } catch (error) {
      if (isDomainError(error))
        throw new DomainError(error.code, `${file}: ${error.message}`, {
          file,
          ...(error.details as object),
        });
      throw new DomainError('ValidationFailed', `${file}: ${(error as Error).message}`, { file });
    }
  });
  checkUniqueIds(pyramids);
  return pyramids;
}
