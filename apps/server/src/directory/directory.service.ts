import { dataVersion } from '@lagebild/analysis';
import { DirectoryIndex, type DirectorySearchConfig } from '@lagebild/core';
import type { Store } from '@lagebild/store';

interface Built {
  key: string;
  index: Promise<DirectoryIndex>;
}

/**
 * The public Wegweiser over the store: the search index over the entries public today, built once
 * per data version (every import or undo is a new version, and so is a new day, since validity is by
 * date) and shared by concurrent requests while it is being built.
 */
export class DirectoryService {
  #built: Built | null = null;

  constructor(
    private readonly store: Store,
    readonly config: DirectorySearchConfig,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  /** The index of the current data version and day. */
  async index(): Promise<DirectoryIndex> {
    const day = this.today();
    const key = `${await dataVersion(this.store)}|${day}`;
    if (this.#built?.key !== key) {
      const index = this.store
        .listDirectoryEntries({ publicOn: day })
        .then((entries) => new DirectoryIndex(entries, this.config));
      index.catch(() => {
        if (this.#built?.index === index) this.#built = null;
      });
      this.#built = { key, index };
    }
    return this.#built.index;
  }
}
