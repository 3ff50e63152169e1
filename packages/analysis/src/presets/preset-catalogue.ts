import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  DomainError,
  isDomainError,
  parseCrossClassDefinition,
  parseIndexPreset,
  type CrossClassDefinition,
  type IndexPreset,
} from '@lagebild/core';

/** An index preset file: a composite index (versions of one definition) or a cross class of indices. */
export type PresetEntry =
  | { kind: 'index'; id: string; name: string; file: string; preset: IndexPreset }
  | { kind: 'cross'; id: string; name: string; file: string; cross: CrossClassDefinition };

/** The presets of the configured directories, by id. */
export class PresetCatalogue {
  private constructor(private readonly byId: ReadonlyMap<string, PresetEntry>) {}

  /**
   * Reads every `*.yaml`/`*.yml` file of the directories (in order; a later id replaces an earlier
   * one, so a county's own directory can override a shipped preset). A missing directory is an
   * error, a bad file a `ValidationFailed` naming it.
   */
  static load(dirs: readonly string[]): PresetCatalogue {
    const byId = new Map<string, PresetEntry>();
    for (const dir of dirs) {
      if (!existsSync(dir))
        throw new DomainError('ValidationFailed', `index preset directory ${dir} does not exist`, { dir });
      const files = readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
      for (const file of files) {
        const entry = readPreset(join(dir, file));
        byId.set(entry.id, entry);
      }
    }
    return new PresetCatalogue(byId);
  }

  list(): PresetEntry[] {
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  require(id: string): PresetEntry {
    const entry = this.byId.get(id);
    if (entry) return entry;
    throw new DomainError(
      'ValidationFailed',
      `No index preset "${id}". Known presets: ${[...this.byId.keys()].sort().join(', ') || 'none'}.`,
      { preset: id },
    );
  }

  /** The composite index `id`; a cross class is refused where a score is needed. */
  requireIndex(id: string): Extract<PresetEntry, { kind: 'index' }> {
    const entry = this.require(id);
    if (entry.kind === 'index') return entry;
    throw new DomainError(
      'ValidationFailed',
      `preset "${id}" combines classes of other indices and has no score of its own`,
      {
        preset: id,
      },
    );
  }
}

function readPreset(file: string): PresetEntry {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DomainError('ValidationFailed', `${file}: not valid YAML: ${(error as Error).message}`, {
      file,
    });
  }
  try {
    if (raw !== null && typeof raw === 'object' && 'parts' in raw) {
      const cross = parseCrossClassDefinition(raw);
      return { kind: 'cross', id: cross.id, name: cross.name, file, cross };
    }
    const preset = parseIndexPreset(raw);
    return { kind: 'index', id: preset.id, name: preset.name, file, preset };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new DomainError(error.code, `${file}: ${error.message}`, error.details);
  }
}
