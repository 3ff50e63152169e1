import type { Store } from '@lagebild/store';
import type { AnalysisService } from '@lagebild/analysis';
import type { PyramidDefinition } from '@lagebild/core';
import type { DirectoryService } from './directory/directory.service.ts';
import type { PendingImports } from './imports/pending-imports.ts';

/** What route handlers may use: named ports, nothing global. */
export interface AppContext {
  store: Store;
  pendingImports: PendingImports;
  /** The analysis engine over `store`, with its result cache. */
  analysis: AnalysisService;
  /** The configured population pyramids (setting `pyramids`), validated at start-up. */
  pyramids: PyramidDefinition[];
  /** The public service directory (Wegweiser): search index per data version, category tree. */
  directory: DirectoryService;
  version: string;
  uploadLimitBytes: number;
}
