/**
 * Who may do what. Roles are those of a Kreis sharing Lagebild with its Gemeinden, departments,
 * politics, providers and the public (see docs/glossary.md). Deny by default: a permission no role
 * grants is never allowed, and a route must name the permission it needs.
 */
export const ROLES = [
  'admin',
  'statistikstelle',
  'planner',
  'department_planner',
  'gemeinde_user',
  'reader',
  'provider_editor',
  'public',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Indicator values, areas, analyses — further limited by data class and disclosure control. */
  'data:read',
  /** Imports, undo, catalogue changes. */
  'import:write',
  /** Health, batches, settings. */
  'system:read',
  /** The published entries of the service directory. */
  'directory:read',
  /** Propose changes to own directory entries (provider editors) or any entry (editors). */
  'directory:edit',
  /** Publish proposed directory changes. */
  'directory:review',
  /** Report a missing service or a correction to the directory (moderated before publication). */
  'directory:report',
  /** Organisations, users, roles, data classes, disclosure rules. */
  'admin:manage',
  /** The audit trail. */
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The grants of each role; everything not listed is denied. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'data:read',
    'import:write',
    'system:read',
    'directory:read',
    'directory:edit',
    'directory:review',
    'admin:manage',
    'audit:read',
  ],
  statistikstelle: ['data:read', 'import:write', 'system:read', 'directory:read', 'audit:read'],
  planner: ['data:read', 'import:write', 'directory:read', 'directory:edit', 'directory:review'],
  department_planner: ['data:read', 'import:write', 'directory:read', 'directory:edit'],
  gemeinde_user: ['data:read', 'directory:read'],
  reader: ['data:read', 'directory:read'],
  provider_editor: ['directory:read', 'directory:edit'],
  public: ['data:read', 'directory:read'],
};

// Whoever may read the directory may report a missing service or a correction to it.
for (const role of ROLES) {
  const grants = ROLE_PERMISSIONS[role] as Permission[];
  if (grants.includes('directory:read') && !grants.includes('directory:report'))
    grants.push('directory:report');
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
