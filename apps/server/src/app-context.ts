import type { Store } from '@lagebild/store';
import type { PendingImports } from './imports/pending-imports.ts';

/** What route handlers may use: named ports, nothing global. */
export interface AppContext {
  store: Store;
  pendingImports: PendingImports;
  version: string;
  uploadLimitBytes: number;
}
