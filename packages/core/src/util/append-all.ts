/**
 * Appends every item to `target`. `target.push(...items)` passes each item as a function argument and
 * overflows the call stack beyond roughly 100,000 items, which real imports reach easily.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
