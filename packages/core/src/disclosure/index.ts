export * from './disclosure-rule.ts';
export * from './disclosure-hierarchy.ts';
export * from './disclosure-types.ts';
export * from './protect-indicator.ts';
export * from './attack-publication.ts';
export * from './pool-periods.ts';
export type { DerivationMethod } from './derive-exact.ts';
export * from './level-hierarchies.ts';
