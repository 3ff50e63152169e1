import type { Role } from './roles.ts';

/** An area a user is responsible for, e.g. the Gemeinde of a Gemeinde user (and all areas inside it). */
export interface AreaScope {
  levelId: string;
  key: string;
}

/**
 * Who is asking. The anonymous public is a principal too (role `public`), so every output goes
 * through the same decisions.
 */
export interface Principal {
  /** null for the anonymous public. */
  userId: string | null;
  organisationId: string | null;
  roles: readonly Role[];
  /** Topics (Handlungsfelder) of a department planner; confidential data only within them. */
  topics: readonly string[];
  /** Areas a Gemeinde user sees in detail. */
  areas: readonly AreaScope[];
}

export const ANONYMOUS: Principal = Object.freeze({
  userId: null,
  organisationId: null,
  roles: Object.freeze(['public'] as Role[]),
  topics: Object.freeze([] as string[]),
  areas: Object.freeze([] as AreaScope[]),
});
