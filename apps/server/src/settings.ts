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
  routingUrl: {
    env: 'LAGEBILD_ROUTING_URL',
    default: '',
    description:
      'An OSRM-compatible routing service (base URL, e.g. https://router.project-osrm.org) for travel times in the Wegweiser; empty: straight-line distance only.',
    schema: z.union([z.literal(''), z.url()]),
  },
  routingProfiles: {
    env: 'LAGEBILD_ROUTING_PROFILES',
    default: 'foot,car',
    description:
      'Profiles of the routing service, comma-separated, as its URLs name them (foot, bike, car; OSRM also walking, cycling, driving).',
    schema: z.string().regex(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/, 'profile names separated by commas'),
  },
  routingTimeoutMs: {
    env: 'LAGEBILD_ROUTING_TIMEOUT_MS',
    default: '3000',
    description:
      'Longest wait for the routing service per search, in ms; after it the search answers with straight-line distances.',
    schema: z.coerce.number().int().min(100).max(60000),
  },
  geocoderUrl: {
    env: 'LAGEBILD_GEOCODER_URL',
    default: '',
    description:
      'A Photon or Nominatim geocoder (base URL) for the Wegweiser address search; empty: only the places (Bezirke, Ortsteile) are searched.',
    schema: z.union([z.literal(''), z.url()]),
  },
  geocoderService: {
    env: 'LAGEBILD_GEOCODER_SERVICE',
    default: 'photon',
    description: 'What the geocoder at geocoderUrl speaks: photon or nominatim.',
    schema: z.enum(['photon', 'nominatim']),
  },
  geocoderBbox: {
    env: 'LAGEBILD_GEOCODER_BBOX',
    default: '',
    description:
      'The area addresses are searched in, minLon,minLat,maxLon,maxLat (WGS84); empty: the box of the places level (in the demo the Berlin Bezirke).',
    schema: z.union([
      z.literal(''),
      z.string().regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'four numbers: minLon,minLat,maxLon,maxLat'),
    ]),
  },
  oidcIssuer: {
    env: 'LAGEBILD_OIDC_ISSUER',
    default: '',
    description:
      'Single sign-on: the OpenID Connect issuer URL (e.g. https://sso.kreis.de/realms/verwaltung); empty: no single sign-on.',
    schema: z.union([z.literal(''), z.url()]),
  },
  oidcClientId: {
    env: 'LAGEBILD_OIDC_CLIENT_ID',
    default: '',
    description: 'Single sign-on: the client id Lagebild is registered under at the identity provider.',
    schema: z.string(),
  },
  oidcClientSecret: {
    env: 'LAGEBILD_OIDC_CLIENT_SECRET',
    default: '',
    description: 'Single sign-on: the client secret; empty for a public client (PKCE only).',
    schema: z.string(),
  },
  oidcRedirectBase: {
    env: 'LAGEBILD_OIDC_REDIRECT_BASE',
    default: '',
    description:
      'Single sign-on: the public URL of Lagebild (e.g. https://lagebild.kreis.de); the provider redirects to <it>/api/v1/auth/oidc/callback.',
    schema: z.union([z.literal(''), z.url()]),
  },
  oidcScopes: {
    env: 'LAGEBILD_OIDC_SCOPES',
    default: 'openid profile email',
    description: 'Single sign-on: the scopes asked for, space-separated (openid is always added).',
    schema: z.string(),
  },
  oidcLabel: {
    env: 'LAGEBILD_OIDC_LABEL',
    default: 'Mit dem Konto des Landkreises anmelden',
    description: 'Single sign-on: the German label of the sign-in button.',
    schema: z.string().min(1),
  },
  oidcLabelEn: {
    env: 'LAGEBILD_OIDC_LABEL_EN',
    default: 'Sign in with your county account',
    description: 'Single sign-on: the English label of the sign-in button.',
    schema: z.string().min(1),
  },
  oidcLoginClaim: {
    env: 'LAGEBILD_OIDC_LOGIN_CLAIM',
    default: 'preferred_username',
    description:
      'Single sign-on: the claim that holds the Lagebild login (falls back to email); users are matched and created by it.',
    schema: z.string().min(1),
  },
  oidcGroupsClaim: {
    env: 'LAGEBILD_OIDC_GROUPS_CLAIM',
    default: 'groups',
    description:
      'Single sign-on: the claim that holds the groups or roles (e.g. groups, roles, realm_access.roles: dots step into objects).',
    schema: z.string().min(1),
  },
  oidcRoleMapping: {
    env: 'LAGEBILD_OIDC_ROLE_MAPPING',
    default: '{}',
    description:
      'Single sign-on: JSON object mapping a group to a Lagebild role or a list of roles, e.g. {"sozialplanung":"planner"}; roles are re-synced at every sign-in.',
    schema: z.string(),
  },
  oidcDefaultRoles: {
    env: 'LAGEBILD_OIDC_DEFAULT_ROLES',
    default: '',
    description:
      'Single sign-on: roles (comma-separated) for users none of whose groups is mapped; empty: such users are refused.',
    schema: z.string(),
  },
  oidcOrganisationClaim: {
    env: 'LAGEBILD_OIDC_ORGANISATION_CLAIM',
    default: '',
    description:
      "Single sign-on: the claim that names the user's organisation (its Lagebild id, or a key of oidcOrganisationMapping); empty: organisations are kept as set in Lagebild.",
    schema: z.string(),
  },
  oidcOrganisationMapping: {
    env: 'LAGEBILD_OIDC_ORGANISATION_MAPPING',
    default: '{}',
    description:
      'Single sign-on: JSON object mapping values of the organisation claim to Lagebild organisation ids; {}: the value is the id.',
    schema: z.string(),
  },
  oidcUsers: {
    env: 'LAGEBILD_OIDC_USERS',
    default: 'create',
    description:
      'Single sign-on, for a first sign-in: create (a new user; refused when a local user has the login), link (link to the local user with the login, else create) or existing (link, else refuse).',
    schema: z.enum(['create', 'link', 'existing']),
  },
  directoryVerifyMonths: {
    env: 'LAGEBILD_DIRECTORY_VERIFY_MONTHS',
    default: '12',
    description:
      'A Wegweiser entry not verified for this many months is flagged as due, and its editors are reminded.',
    schema: z.coerce.number().int().min(1).max(120),
  },
  directoryReminderDays: {
    env: 'LAGEBILD_DIRECTORY_REMINDER_DAYS',
    default: '30',
    description:
      'An editor is reminded of the same due entry at most once within this many days (`lagebild directory remind`).',
    schema: z.coerce.number().int().min(1).max(365),
  },
  smtpUrl: {
    env: 'LAGEBILD_SMTP_URL',
    default: '',
    description:
      'Mail server for reminders, e.g. `smtp://user:pass@mail.example.org:587`; empty: reminders are printed instead of sent.',
    schema: z.string(),
  },
  mailFrom: {
    env: 'LAGEBILD_MAIL_FROM',
    default: 'lagebild@localhost',
    description: 'Sender address of the mails Lagebild sends (verification reminders).',
    schema: z.string().min(3),
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
