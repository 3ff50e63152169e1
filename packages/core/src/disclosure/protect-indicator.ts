import { DomainError } from '../domain/errors.ts';
import type { Observation } from '../domain/observation.ts';
import { publishedNumber } from './attack-publication.ts';
import { validateHierarchies } from './disclosure-hierarchy.ts';
import {
  PRIMARY_REASONS,
  type DisclosureInput,
  type DisclosureReport,
  type DisclosureResult,
  type DisclosureWarning,
  type SecondaryChoice,
  type SuppressionMark,
  type SuppressionReason,
} from './disclosure-types.ts';
import { CellMap } from './cell-map.ts';
import {
  confidentialAtSource,
  countCells,
  populationLookup,
  populationReason,
  primaryReason,
  type CountCell,
  type PopulationLookup,
} from './primary-suppression.ts';
import { protectCounts, warning } from './protect-counts.ts';

/** Per observation: null (published as given) or why it is suppressed. */
type Decision = Omit<SuppressionMark, 'levelId' | 'areaKey'> | null;

interface Decisions {
  decisions: Decision[];
  secondary: SecondaryChoice[];
  rounds: number;
  warnings: DisclosureWarning[];
}

/**
 * Disclosure control for one indicator and period on all its levels: primary suppression by the
 * indicator's rule, then secondary suppression along every hierarchy until no suppressed value can be
 * derived from what is published. Counts (`sum`) are protected directly; shares and rates (`ratio`)
 * through their numerator and denominator counts; other kinds get primary suppression only.
 */
export function protectIndicator(input: DisclosureInput): DisclosureResult {
  validateInput(input);
  const population = populationLookup(input.population);
  const width = input.rule.minCount ?? 1;
  const result =
    input.indicator.aggregation === 'sum'
      ? protectAdditive(input, population, width)
      : input.indicator.aggregation === 'ratio'
        ? protectRatio(input, population, width)
        : protectPrimaryOnly(input, population);
  return assemble(input, result);
}

function protectAdditive(input: DisclosureInput, population: PopulationLookup, width: number): Decisions {
  const cells = countCells(input.observations, (o) => publishedNumber(o), input.rule, population);
  const counts = protectCounts(cells, input.hierarchies, width, 'value');
  return {
    decisions: counts.suppressed.map((kind, i) => decide(kind, cells[i]!, 'value')),
    secondary: counts.secondary,
    rounds: counts.rounds,
    warnings: counts.warnings,
  };
}

/**
 * A ratio reveals its numerator wherever its denominator is known, so the numerator counts are
 * protected like counts (and the denominators too: a share of 2 people is a disclosure). The ratio is
 * suppressed wherever either count is.
 */
function protectRatio(input: DisclosureInput, population: PopulationLookup, width: number): Decisions {
  const numerator = countLookup(input.numerators);
  const denominator = countLookup(input.denominators);
  const read = (o: Observation, lookup: CellMap<number | null> | null, field: 'numerator' | 'denominator') =>
    lookup ? (lookup.get(o.levelId, o.areaKey) ?? null) : o[field];
  const numeratorCells = ratioCells(
    input,
    (o) => read(o, numerator, 'numerator'),
    population,
    'numerator_unknown',
  );
  const denominatorCells = ratioCells(input, (o) => read(o, denominator, 'denominator'), population, null);
  const n = protectCounts(numeratorCells, input.hierarchies, width, 'numerator');
  const d = protectCounts(denominatorCells, input.hierarchies, width, 'denominator');
  return {
    decisions: input.observations.map(
      (_, i) =>
        decide(n.suppressed[i]!, numeratorCells[i]!, 'numerator') ??
        decide(d.suppressed[i]!, denominatorCells[i]!, 'denominator'),
    ),
    secondary: [...n.secondary, ...d.secondary],
    rounds: Math.max(n.rounds, d.rounds),
    warnings: [...n.warnings, ...d.warnings],
  };
}

function ratioCells(
  input: DisclosureInput,
  read: (o: Observation) => number | null,
  population: PopulationLookup,
  whenUnknown: 'numerator_unknown' | null,
): CountCell[] {
  return input.observations.map((o) => {
    const cell = { levelId: o.levelId, areaKey: o.areaKey };
    if (confidentialAtSource(o)) return { ...cell, value: null, primary: 'suppressed_at_source' };
    if (o.status === 'missing') return { ...cell, value: null, primary: null };
    const count = read(o);
    if (count === null) return { ...cell, value: null, primary: whenUnknown };
    return { ...cell, value: count, primary: primaryReason(count, cell, input.rule, population) };
  });
}

/** Means, medians, indices: no sums to subtract, so primary suppression only. */
function protectPrimaryOnly(input: DisclosureInput, population: PopulationLookup): Decisions {
  const { rule } = input;
  const decisions = input.observations.map((o): Decision => {
    const cell = { levelId: o.levelId, areaKey: o.areaKey };
    if (confidentialAtSource(o)) return { kind: 'primary', reason: 'suppressed_at_source', table: 'value' };
    if (o.status === 'missing') return null;
    // The denominator of a mean is the number of cases it is taken over.
    const cases = o.denominator;
    const small =
      rule.minCount !== null &&
      cases !== null &&
      ((cases > 0 && cases < rule.minCount) || (cases === 0 && !rule.publishZeros));
    if (small) return { kind: 'primary', reason: 'min_count', table: 'denominator' };
    const reason = populationReason(cell, rule, population);
    return reason ? { kind: 'primary', reason, table: 'value' } : null;
  });
  const warnings: DisclosureWarning[] = [];
  if (input.hierarchies.length > 0 && decisions.some((d) => d !== null))
    warnings.push(
      warning(
        'not_additive',
        [input.indicator.id],
        `indicator(s) aggregate as "${input.indicator.aggregation}": primary suppression only; a weighted mean published together with its weights adds up again and needs its numerator and denominator protected as a ratio`,
      ),
    );
  return { decisions, secondary: [], rounds: 0, warnings };
}

function decide(
  kind: 'primary' | 'secondary' | null,
  cell: CountCell,
  table: SuppressionMark['table'],
): Decision {
  if (kind === null) return null;
  if (kind === 'secondary') return { kind, reason: 'complement', table };
  return { kind, reason: cell.primary!, table };
}

function countLookup(observations: readonly Observation[] | undefined): CellMap<number | null> | null {
  if (observations === undefined) return null;
  const lookup = new CellMap<number | null>();
  for (const o of observations) lookup.set(o.levelId, o.areaKey, publishedNumber(o));
  return lookup;
}

function assemble(input: DisclosureInput, result: Decisions): DisclosureResult {
  const byReason = Object.fromEntries([...PRIMARY_REASONS, 'complement'].map((r) => [r, 0])) as Record<
    SuppressionReason,
    number
  >;
  const suppressions: SuppressionMark[] = [];
  const observations = input.observations.map((o, i): Observation => {
    const decision = result.decisions[i];
    if (!decision) return { ...o };
    suppressions.push({ levelId: o.levelId, areaKey: o.areaKey, ...decision });
    byReason[decision.reason]++;
    const nothing = { value: null, numerator: null, denominator: null };
    // Already confidential in the source: shown as the source said (e.g. GENESIS "."), without numbers.
    if (decision.reason === 'suppressed_at_source' && o.status !== 'suppressed') return { ...o, ...nothing };
    return { ...o, ...nothing, status: 'suppressed', missingReason: 'suppressed' };
  });
  const missing = observations.filter((o, i) => o.status === 'missing' && !result.decisions[i]).length;
  const report: DisclosureReport = {
    indicatorId: input.indicator.id,
    period: input.observations[0]?.period ?? null,
    cells: observations.length,
    published: observations.length - suppressions.length - missing,
    suppressed: suppressions.length,
    missing,
    byReason,
    secondary: result.secondary,
    rounds: result.rounds,
    warnings: result.warnings,
  };
  return { observations, suppressions, report };
}

function validateInput(input: DisclosureInput): void {
  const { indicator, rule, observations } = input;
  const fail = (message: string): never => invalid(indicator.id, message);
  const other = observations.find((o) => o.indicatorId !== indicator.id);
  if (other) fail(`observation of indicator "${other.indicatorId}" given; pass one indicator at a time`);
  const periods = [...new Set(observations.map((o) => o.period))];
  if (periods.length > 1)
    fail(
      `observations of ${periods.length} periods given (${periods.slice(0, 3).join(', ')}…); pass one period at a time`,
    );
  const seen = new CellMap<true>();
  for (const o of observations) {
    if (seen.has(o.levelId, o.areaKey)) fail(`area ${o.areaKey} on level ${o.levelId} is given twice`);
    seen.set(o.levelId, o.areaKey, true);
  }
  if (rule.minPopulation !== null) {
    const populationId = rule.minPopulation.indicatorId;
    const population =
      input.population ??
      fail(`the rule needs the population ("${populationId}") of the same period; none given`);
    const wrong = population.find((o) => o.indicatorId !== populationId);
    if (wrong) fail(`population observations must be of "${populationId}", got "${wrong.indicatorId}"`);
  }
  validateHierarchies(input.hierarchies);
}

function invalid(indicatorId: string, message: string): never {
  throw new DomainError('ValidationFailed', `disclosure control of "${indicatorId}": ${message}`);
}
