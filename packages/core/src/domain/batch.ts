import type { ImportDiff } from './import.ts';

export const BATCH_STATUSES = ['applied', 'undone'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** An import batch: every stored row names the batch that wrote it, so a batch can be undone whole. */
export interface ImportBatch {
  id: number;
  createdAt: string;
  file: string;
  format: string;
  mapping: unknown;
  status: BatchStatus;
  undoneAt: string | null;
  diff: ImportDiff;
}
