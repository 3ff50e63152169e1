/**
 * Counts failures per key (an address, or an unknown login) within a window, in memory. The lock-out of
 * known logins is stored with the user; this limiter covers what has no row: addresses, and logins
 * that do not exist (so that those lock too, and lock-out does not reveal which logins exist).
 */
export class AttemptLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Keys tracked at most; the oldest are forgotten first, so a flood cannot exhaust memory. */
    private readonly maxKeys = 10_000,
  ) {}

  /** True while `key` has `limit` failures within the window. */
  blocked(key: string, now: number): boolean {
    return this.#recent(key, now).length >= this.limit;
  }

  fail(key: string, now: number): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#failures.delete(key);
    this.#failures.set(key, recent);
    if (this.#failures.size > this.maxKeys) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}
