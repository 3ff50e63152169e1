export type { AreaQuery, BatchInput, Geometry, Store, StoredArea, ValueQuery } from './store.ts';
export { createPostgresStore, createSqliteStore, openStore, parseStoreUrl } from './factory.ts';
export type { StoreTarget } from './factory.ts';
export { KyselyStore } from './kysely-store.ts';
export type { StoreOptions } from './kysely-store.ts';
export type { PostgresOptions } from './dialects/postgres.ts';
export type { Capabilities, DialectName, Engine, ProgressListener } from './engine.ts';
export { ORGANISATION_KINDS } from './accounts.ts';
export type {
  AccessRuleStore,
  DataClassRecord,
  DataClassScope,
  DisclosureRuleRecord,
} from './access-rules.ts';
export type {
  AccountStore,
  ApiTokenRecord,
  LoginFailure,
  NewOrganisation,
  NewUser,
  Organisation,
  OrganisationKind,
  SessionRecord,
  UserAccount,
  UserCredentials,
} from './accounts.ts';
export { loginKey } from './repositories/accounts.repository.ts';
export { AUDIT_VIA, withoutSecrets } from './audit.ts';
export type { AuditEvent, AuditPage, AuditQuery, AuditStore, AuditVia, NewAuditEvent } from './audit.ts';
export type { OrganisationChanges, UserChanges } from './accounts.ts';
export type {
  IdentityKey,
  IdentityProfile,
  IdentitySignIn,
  IdentityTarget,
  UserIdentity,
} from './identities.ts';
export type {
  DirectoryChangeQuery,
  DirectoryEditorialStore,
  NewDirectoryChange,
  ProviderLink,
  ReminderRecord,
  ReviewDecision,
} from './directory-editorial.ts';
export { EDITORIAL_FORMAT } from './repositories/directory-editorial-publish.ts';
