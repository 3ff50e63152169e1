import type { ConfidentialityClass, IndicatorDefinition } from '../domain/indicator.ts';
import type { Principal } from './principal.ts';
import { ROLE_PERMISSIONS, type Permission, type Role } from './roles.ts';

/** Deny by default: true only when one of the principal's roles grants the permission. */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/**
 * The data classes each role may read without restriction. A department planner reads confidential
 * data only in its own topics, a Gemeinde user internal data only for its own areas (see
 * `indicatorAccess`); the public reads public data only.
 */
const CLASSES: Readonly<Record<Role, readonly ConfidentialityClass[]>> = {
  admin: ['public', 'internal', 'confidential'],
  statistikstelle: ['public', 'internal', 'confidential'],
  planner: ['public', 'internal'],
  department_planner: ['public', 'internal'],
  gemeinde_user: ['public'],
  reader: ['public', 'internal'],
  provider_editor: [],
  public: ['public'],
};

/**
 * Roles whose outputs are not disclosure-controlled: the statistics office works inside the shielded
 * area (abgeschottete Statistikstelle) where small counts are legitimately seen. Everyone else,
 * planners included, receives suppressed cells as such.
 */
const UNCONTROLLED: readonly Role[] = ['statistikstelle'];

export type IndicatorAccess =
  /** Every area. */
  | { kind: 'all' }
  /** Only the principal's own areas (and those inside them); elsewhere the indicator is invisible. */
  | { kind: 'own-areas' }
  | { kind: 'none' };

/** May the principal read this indicator, and where? */
export function indicatorAccess(
  principal: Principal,
  indicator: Pick<IndicatorDefinition, 'confidentiality' | 'topic'>,
): IndicatorAccess {
  if (!hasPermission(principal, 'data:read')) return { kind: 'none' };
  const cls = indicator.confidentiality;
  if (principal.roles.some((role) => CLASSES[role].includes(cls))) return { kind: 'all' };
  if (
    cls === 'confidential' &&
    principal.roles.includes('department_planner') &&
    principal.topics.includes(indicator.topic)
  )
    return { kind: 'all' };
  if (cls === 'internal' && principal.roles.includes('gemeinde_user') && principal.areas.length > 0)
    return { kind: 'own-areas' };
  return { kind: 'none' };
}

/** Must outputs for this principal pass disclosure control? True unless a role is exempt. */
export function needsDisclosureControl(principal: Principal): boolean {
  return !principal.roles.some((role) => UNCONTROLLED.includes(role));
}
