import type { Store } from '@lagebild/store';
import type { AnalysisService } from '@lagebild/analysis';
import type { PendingImports } from './imports/pending-imports.ts';

/** What route handlers may use: named ports, nothing global. */
export interface AppContext {
  store: Store;
  pendingImports: PendingImports;
  /** The analysis engine over `store`, with its result cache. */
  analysis: AnalysisService;
  version: string;
  uploadLimitBytes: number;
}
