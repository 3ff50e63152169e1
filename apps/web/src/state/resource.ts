import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';

export interface Resource<T> {
  /** What was asked for; null when nothing is to be loaded. */
  key: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
}

export interface KeyedResource<T> {
  state: ReadonlySignal<Resource<T>>;
  /** Loads a key into the cache without showing it (e.g. the next period of an animation). */
  prefetch(key: string): Promise<T>;
  retry(): void;
}

/**
 * A value loaded for a key computed from signals. Results are cached (the last `cacheSize` keys),
 * answers to keys no longer wanted are dropped, so a fast sequence of changes never shows stale data.
 */
export function keyedResource<T>(
  keyOf: () => string | null,
  load: (key: string) => Promise<T>,
  cacheSize = 24,
): KeyedResource<T> {
  const cache = new Map<string, Promise<T>>();
  const state = signal<Resource<T>>({ key: null, status: 'idle', data: null, error: null });
  const attempt = signal(0);

  const fetchCached = (key: string): Promise<T> => {
    let promise = cache.get(key);
    if (!promise) {
      promise = load(key);
      promise.catch(() => cache.delete(key));
      cache.set(key, promise);
      while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    } else {
      cache.delete(key);
      cache.set(key, promise);
    }
    return promise;
  };

  const currentKey = computed(keyOf);
  effect(() => {
    void attempt.value; // a retry re-runs the effect
    const key = currentKey.value;
    if (key === null) {
      state.value = { key: null, status: 'idle', data: null, error: null };
      return;
    }
    state.value = { key, status: 'loading', data: null, error: null };
    fetchCached(key).then(
      (data) => {
        if (state.peek().key === key) state.value = { key, status: 'ready', data, error: null };
      },
      (error: unknown) => {
        if (state.peek().key === key) {
          state.value = {
            key,
            status: 'error',
            data: null,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      },
    );
  });

  return {
    state,
    prefetch: fetchCached,
    retry: () => {
      attempt.value++;
    },
  };
}
