import type { Store } from '@lagebild/store';
import type { AnalysisHub, ResultCache } from '@lagebild/analysis';
import type { PyramidDefinition } from '@lagebild/core';
import type { AuthService } from './auth/auth.service.ts';
import type { DirectoryService } from './directory/directory.service.ts';
import type { PendingImports } from './imports/pending-imports.ts';

/** What route handlers may use: named ports, nothing global. */
export interface AppContext {
  store: Store;
  pendingImports: PendingImports;
  /**
   * The analysis engine over `store` per principal (`for(principal)`: data classes and disclosure
   * control applied), with its result caches. Routes get theirs as `analysis()` in their input.
   */
  analysis: AnalysisHub;
  /** The configured population pyramids (setting `pyramids`), validated at start-up. */
  pyramids: PyramidDefinition[];
  /** The public service directory (Wegweiser): search index per data version, category tree. */
  directory: DirectoryService;
  /** Serialized responses that are costly to build (area geometry), per data version. */
  responses: ResultCache;
  /** Sign-in, sessions and API tokens over `store.accounts`. */
  auth: AuthService;
  version: string;
  uploadLimitBytes: number;
}
