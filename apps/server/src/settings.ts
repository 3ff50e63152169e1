import { z } from 'zod';

/**
 * Every setting is declared once, here: name, environment variable, default, description, schema.
 * The CLI builds its help from this list, the server validates it at start-up, the docs list it
 * (docs/settings.md is checked against it by a test).
 */
export const SETTINGS = {
  database: {
    env: 'LAGEBILD_DATABASE',
    default: 'sqlite:./data/lagebild.db',
    description:
      'Where the data lives: `sqlite:<file>` (embedded default) or `postgres://user@host:5432/db`.',
    schema: z.string().min(1),
  },
  port: {
    env: 'LAGEBILD_PORT',
    default: '8080',
    description: 'HTTP port of the server.',
    schema: z.coerce.number().int().min(0).max(65535),
  },
  host: {
    env: 'LAGEBILD_HOST',
    default: '127.0.0.1',
    description: 'Interface the server listens on; `0.0.0.0` to accept connections from other machines.',
    schema: z.string().min(1),
  },
  uploadLimitMb: {
    env: 'LAGEBILD_UPLOAD_LIMIT_MB',
    default: '200',
    description: 'Largest accepted upload for imports, in MiB.',
    schema: z.coerce.number().positive(),
  },
  indexPresets: {
    env: 'LAGEBILD_INDEX_PRESETS',
    default: '',
    description:
      'Folders with composite-index presets (YAML), comma-separated; empty: the shipped presets (Berlin MSS, Sozialformel).',
    schema: z.string(),
  },
  warningRules: {
    env: 'LAGEBILD_WARNING_RULES',
    default: '',
    description: 'Files with early-warning rules (YAML), comma-separated; empty: the shipped demo rules.',
    schema: z.string(),
  },
  pyramids: {
    env: 'LAGEBILD_PYRAMIDS',
    default: '',
    description:
      'Files with population pyramids (YAML: age bands and their male/female indicators), comma-separated; empty: the shipped demo/pyramids.yaml.',
    schema: z.string(),
  },
  directoryCategories: {
    env: 'LAGEBILD_DIRECTORY_CATEGORIES',
    default: '',
    description:
      'The Wegweiser category tree and target groups (YAML file); empty: the shipped demo/directory/categories.yaml.',
    schema: z.string(),
  },
  directorySynonyms: {
    env: 'LAGEBILD_DIRECTORY_SYNONYMS',
    default: '',
    description:
      'Synonym groups for the Wegweiser search (YAML file); empty: the shipped demo/directory/synonyms.yaml.',
    schema: z.string(),
  },
  sessionIdleMinutes: {
    env: 'LAGEBILD_SESSION_IDLE_MINUTES',
    default: '480',
    description:
      'A sign-in session ends after this many minutes without a request (and after 24 hours at most).',
    schema: z.coerce.number().int().min(5).max(1440),
  },
  logLevel: {
    env: 'LAGEBILD_LOG_LEVEL',
    default: 'info',
    description: 'Log level: fatal, error, warn, info, debug, trace or silent.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  },
} as const;

export type SettingName = keyof typeof SETTINGS;
export type Settings = { [K in SettingName]: z.output<(typeof SETTINGS)[K]['schema']> };

/**
 * Resolves settings from explicit overrides (CLI flags), then the environment, then defaults.
 * Invalid values stop the start with a message naming the variable.
 */
export function resolveSettings(
  overrides: Partial<Record<SettingName, string | number | undefined>> = {},
  env: Record<string, string | undefined> = process.env,
): Settings {
  const result: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const raw = overrides[name as SettingName] ?? env[setting.env] ?? setting.default;
    const parsed = setting.schema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`Setting ${name} (${setting.env}) is invalid: "${raw}" — ${setting.description}`);
    }
    result[name] = parsed.data;
  }
  return result as Settings;
}
