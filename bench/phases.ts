import type { Store } from '@lagebild/store';

/**
 * Splits one `importFiles` call into phases without touching product code: the store is wrapped, and
 * the calls the import cycle makes mark where each phase begins and ends.
 *
 *   read+map   reading mapping and file, parsing, mapping: until validation first asks for the levels
 *   validate   checking levels, indicators and area keys, and building the batch input (a copy of
 *              every observation without row and column), until the dry run (`diffBatch`) starts
 *   dry run    `diffBatch`: compares every row with the stored one, writes nothing
 *   apply      `applyBatch`: writes the batch in one transaction (comparing again while writing)
 *
 * This follows the order of runImport (validatePlan → diffBatch → applyBatch); if that order changes,
 * the split becomes wrong but the total stays right.
 */
export class PhaseMarks {
  readonly #start = performance.now();
  readonly #marks = new Map<string, number>();

  /** The store, with marks set on the calls that begin and end phases. */
  wrap(store: Store): Store {
    const mark = (name: string) => {
      if (!this.#marks.has(name)) this.#marks.set(name, performance.now());
    };
    const timed =
      <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        mark(`${name}:start`);
        try {
          return await fn(...args);
        } finally {
          this.#marks.set(`${name}:end`, performance.now());
        }
      };
    return new Proxy(store, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        const method = (value as (...args: unknown[]) => unknown).bind(target);
        if (property === 'listLevels') return timed('validate', method as () => Promise<unknown>);
        if (property === 'diffBatch') return timed('diff', method as () => Promise<unknown>);
        if (property === 'applyBatch') return timed('apply', method as () => Promise<unknown>);
        return method;
      },
    });
  }

  /** Seconds per phase; phases that did not happen (no apply in a dry run) are left out. */
  phases(): Record<string, number> {
    const at = (name: string) => this.#marks.get(name);
    const span = (from: number | undefined, to: number | undefined) =>
      from === undefined || to === undefined ? undefined : Math.round(to - from) / 1000;
    const result: Record<string, number | undefined> = {
      'read+map': span(this.#start, at('validate:start')),
      validate: span(at('validate:start'), at('diff:start')),
      'dry run': span(at('diff:start'), at('diff:end')),
      apply: span(at('apply:start'), at('apply:end')),
    };
    return Object.fromEntries(
      Object.entries(result).filter((e): e is [string, number] => e[1] !== undefined),
    );
  }
}
