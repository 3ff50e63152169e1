import { randomUUID } from 'node:crypto';
import type { ImportReport } from '@lagebild/core';
import type { SourceFile } from '@lagebild/importers';

/**
 * Uploaded imports between dry run and apply. Kept in memory for a limited time: an upload that is
 * never applied must not pile up. (A multi-process deployment routes apply to the same process by the
 * import id; persisting uploads in the store is the next step when that is needed.)
 */
export interface PendingImport {
  id: string;
  createdAt: number;
  files: SourceFile[];
  mapping: unknown;
  report: ImportReport;
  appliedBatchId: number | null;
}

export class PendingImports {
  private readonly items = new Map<string, PendingImport>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly maxItems = 20,
    private readonly now: () => number = Date.now,
  ) {}

  add(files: SourceFile[], mapping: unknown, report: ImportReport): PendingImport {
    this.evict();
    const item: PendingImport = {
      id: randomUUID(),
      createdAt: this.now(),
      files,
      mapping,
      report,
      appliedBatchId: null,
    };
    this.items.set(item.id, item);
    return item;
  }

  get(id: string): PendingImport | undefined {
    this.evict();
    return this.items.get(id);
  }

  private evict(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [id, item] of this.items) if (item.createdAt < cutoff) this.items.delete(id);
    while (this.items.size >= this.maxItems) {
      const oldest = this.items.keys().next().value;
      if (oldest === undefined) break;
      this.items.delete(oldest);
    }
  }
}
