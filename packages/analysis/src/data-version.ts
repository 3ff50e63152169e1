import type { Store } from '@lagebild/store';

/**
 * A cheap fingerprint of the data: every write is an import batch and every undo changes a batch's
 * status, so the newest batch id with the number of applied and undone batches changes whenever the
 * data does. Results computed under one version are valid exactly as long as it stays the same.
 */
export async function dataVersion(store: Store): Promise<string> {
  const batches = await store.listBatches();
  const applied = batches.filter((b) => b.status === 'applied').length;
  const newest = batches.reduce((max, b) => Math.max(max, b.id), 0);
  return `${newest}:${applied}:${batches.length - applied}`;
}
