import type { ConfidentialityClass, IndicatorDefinition } from '../domain/indicator.ts';
import { indicatorAccess, type IndicatorAccess } from './access-policy.ts';
import type { Principal } from './principal.ts';
import type { Role } from './roles.ts';

/**
 * A data class an administrator set for an indicator, on every level (`levelId` null) or on one
 * (public for the Kreis, internal for its Gemeinden); optionally the data of one organisation only.
 */
export interface DataClassAssignment {
  indicatorId: string;
  levelId: string | null;
  confidentiality: ConfidentialityClass;
  organisationId: string | null;
}

export interface EffectiveClass {
  confidentiality: ConfidentialityClass;
  organisationId: string | null;
}

/** Roles that see every organisation's data: the Kreis' administration and its statistics office. */
const ALL_ORGANISATIONS: readonly Role[] = ['admin', 'statistikstelle'];

/** The class on a level: the level's own assignment, else the indicator-wide one, else the catalogue's. */
export function classOnLevel(
  indicator: Pick<IndicatorDefinition, 'id' | 'confidentiality'>,
  levelId: string,
  assignments: readonly DataClassAssignment[],
): EffectiveClass {
  let wide: DataClassAssignment | undefined;
  for (const a of assignments) {
    if (a.indicatorId !== indicator.id) continue;
    if (a.levelId === levelId)
      return { confidentiality: a.confidentiality, organisationId: a.organisationId };
    if (a.levelId === null) wide = a;
  }
  return wide
    ? { confidentiality: wide.confidentiality, organisationId: wide.organisationId }
    : { confidentiality: indicator.confidentiality, organisationId: null };
}

/**
 * May the principal read the indicator on this level, and where? The role rules of `indicatorAccess`
 * on the level's class; data scoped to an organisation is further limited to its members (and to the
 * roles that see all organisations). Public data is public whatever its scope.
 */
export function indicatorAccessOnLevel(
  principal: Principal,
  indicator: Pick<IndicatorDefinition, 'id' | 'confidentiality' | 'topic'>,
  levelId: string,
  assignments: readonly DataClassAssignment[],
): IndicatorAccess {
  const effective = classOnLevel(indicator, levelId, assignments);
  if (
    effective.organisationId !== null &&
    effective.confidentiality !== 'public' &&
    principal.organisationId !== effective.organisationId &&
    !principal.roles.some((role) => ALL_ORGANISATIONS.includes(role))
  )
    return { kind: 'none' };
  return indicatorAccess(principal, { confidentiality: effective.confidentiality, topic: indicator.topic });
}

/**
 * Whether the principal may see the indicator at all: on at least one of the given levels (the
 * catalogue lists it then; each level's values are decided by `indicatorAccessOnLevel`).
 */
export function indicatorVisible(
  principal: Principal,
  indicator: Pick<IndicatorDefinition, 'id' | 'confidentiality' | 'topic'>,
  levelIds: readonly string[],
  assignments: readonly DataClassAssignment[],
): boolean {
  return levelIds.some(
    (levelId) => indicatorAccessOnLevel(principal, indicator, levelId, assignments).kind !== 'none',
  );
}
