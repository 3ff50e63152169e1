import type { DataClassAssignment, DisclosureRule } from '@lagebild/core';
import type { Store } from '@lagebild/store';

/** The data classes and disclosure rules in force, read once per revision of `store.access`. */
export interface AccessRules {
  revision: number;
  classes: readonly DataClassAssignment[];
  rules: ReadonlyMap<string, DisclosureRule>;
}

export async function loadAccessRules(store: Store, revision: number): Promise<AccessRules> {
  const [classes, rules] = await Promise.all([
    store.access.listDataClasses(),
    store.access.listDisclosureRules(),
  ]);
  return { revision, classes, rules: new Map(rules.map((r) => [r.indicatorId, r.rule])) };
}
