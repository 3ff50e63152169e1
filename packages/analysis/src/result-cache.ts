/** Cache statistics, for tests and the health of a long-running server. */
export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
}

interface Entry {
  version: string;
  value: Promise<unknown>;
}

/**
 * Results in memory, keyed by what was asked and the data version they were computed under. An entry
 * of an older version is recomputed, never served. The least recently used entries are dropped
 * beyond `maxEntries`. Pending computations are shared, so two identical requests compute once; a
 * failed computation is not kept.
 */
export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private hits = 0;
  private misses = 0;

  constructor(private readonly maxEntries = 500) {}

  async get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found && found.version === version) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    this.misses++;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    this.evict();
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): CacheStats {
    return { entries: this.entries.size, hits: this.hits, misses: this.misses };
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/** A stable cache key: object keys sorted, undefined left out. */
export function cacheKey(operation: string, input: unknown): string {
  return `${operation} ${JSON.stringify(input, (_, value: unknown) => sortKeys(value))}`;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => [k, record[k]]),
  );
}
