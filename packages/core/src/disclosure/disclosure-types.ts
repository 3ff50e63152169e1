import type { AggregationRule } from '../domain/indicator.ts';
import type { Observation } from '../domain/observation.ts';
import type { DisclosureHierarchy } from './disclosure-hierarchy.ts';
import type { DisclosureRule } from './disclosure-rule.ts';

/** Why a cell is suppressed in the first place (primary suppression). */
export const PRIMARY_REASONS = [
  /** Count 1 … minCount−1 (or 0 when zeros are not published). */
  'min_count',
  /** The area's population is below the rule's threshold. */
  'min_population',
  /** The area has no population value, so the population rule cannot be checked. */
  'population_unknown',
  /** A share or rate without its numerator count: whether it is small cannot be checked. */
  'numerator_unknown',
  /** Already confidential in the source: status `suppressed`, or GENESIS "." (secret). */
  'suppressed_at_source',
] as const;
export type PrimaryReason = (typeof PRIMARY_REASONS)[number];

/** `complement`: suppressed so that no other suppressed cell can be recovered (secondary suppression). */
export type SuppressionReason = PrimaryReason | 'complement';

/** Which count of a cell a suppression was decided on: the value, or a ratio's numerator or denominator. */
export type SuppressionTable = 'value' | 'numerator' | 'denominator';

/**
 * How a suppressed cell would have been exposed without the complement: as the only unknown of a
 * group (parent minus siblings), pinned to an interval narrower than minCount, by a linear
 * combination of several equations, or by bounds that meet.
 */
export type DisclosureThreat = 'single_unknown' | 'narrow_interval' | 'linear_combination' | 'bounds';

export interface CellRef {
  levelId: string;
  areaKey: string;
}

/**
 * One suppressed cell. The primary/secondary distinction is for protected roles only: published
 * observations say `suppressed` for both, because "primary" would tell an attacker the value is small.
 */
export interface SuppressionMark extends CellRef {
  kind: 'primary' | 'secondary';
  reason: SuppressionReason;
  table: SuppressionTable;
}

/** Why a published cell was chosen as a complement. */
export interface SecondaryChoice extends CellRef {
  table: SuppressionTable;
  /** The value that is now suppressed. */
  value: number;
  /** The suppressed cell that would otherwise have been exposed. */
  protects: CellRef;
  threat: DisclosureThreat;
  /** The group (parent and the level of its children) the complement was chosen in. */
  group: { hierarchyId: string; parentLevelId: string; parentKey: string; childLevelId: string };
  /** 0: the group pass; n ≥ 1: after the n-th check by the attacker (linear algebra and bounds). */
  round: number;
}

export const DISCLOSURE_WARNING_CODES = [
  /** A complete group whose published children do not add up to the published parent. */
  'hierarchy_mismatch',
  /** An incomplete group whose children add up to more than the parent. */
  'children_exceed_parent',
  /** A suppressed cell the engine could not protect: no cell left to suppress next to it. */
  'unprotected',
  /** Secondary suppression does not apply: the indicator does not add up (medians, indices, means). */
  'not_additive',
] as const;
export type DisclosureWarningCode = (typeof DISCLOSURE_WARNING_CODES)[number];

export interface DisclosureWarning {
  code: DisclosureWarningCode;
  count: number;
  /** The cells or groups concerned (at most 20), e.g. `kreis 01001`. */
  examples: string[];
  message: string;
}

export interface DisclosureReport {
  indicatorId: string;
  period: string | null;
  /** Observations given and how many of them are published, suppressed, or were missing already. */
  cells: number;
  published: number;
  suppressed: number;
  missing: number;
  /** Suppressed observations per reason (secondary ones under `complement`). */
  byReason: Record<SuppressionReason, number>;
  secondary: SecondaryChoice[];
  /** Attacker checks run after the group pass (1 when the group pass already sufficed). */
  rounds: number;
  warnings: DisclosureWarning[];
}

export interface DisclosureInput {
  indicator: { id: string; aggregation: AggregationRule };
  rule: DisclosureRule;
  /** One indicator, one period, any number of levels (every level any output publishes). */
  observations: readonly Observation[];
  hierarchies: readonly DisclosureHierarchy[];
  /** The population indicator of `rule.minPopulation`, same period; needed when that rule is set. */
  population?: readonly Observation[];
  /** For ratio indicators: the numerator counts per cell; default the observations' `numerator`. */
  numerators?: readonly Observation[];
  /** For ratio indicators: the denominator counts per cell; default the observations' `denominator`. */
  denominators?: readonly Observation[];
}

export interface DisclosureResult {
  /** The observations in input order; suppressed ones have status `suppressed` and no numbers. */
  observations: Observation[];
  /** One entry per suppressed observation (for protected roles). */
  suppressions: SuppressionMark[];
  report: DisclosureReport;
}
