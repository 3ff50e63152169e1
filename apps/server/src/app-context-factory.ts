import {
  AnalysisHub,
  DEMO_INDEX_PRESETS,
  DEMO_PYRAMIDS,
  DEMO_WARNING_RULES,
  loadPyramids,
  ResultCache,
} from '@lagebild/analysis';
import type { Store } from '@lagebild/store';
import type { AppContext } from './app-context.ts';
import { AuthService } from './auth/auth.service.ts';
import { loadDirectoryConfig } from './directory/directory-config.ts';
import { DirectoryService } from './directory/directory.service.ts';
import { PendingImports } from './imports/pending-imports.ts';

export interface AppContextOptions {
  version: string;
  uploadLimitBytes: number;
  /** Folders with index presets; default: the shipped ones. */
  presetDirs?: string[];
  /** Files with early-warning rules; default: the shipped ones. */
  warningRuleFiles?: string[];
  /** Files with population pyramids; default: the shipped one. */
  pyramidFiles?: string[];
  /** The Wegweiser's category tree and synonyms (YAML); default: the shipped ones in demo/directory. */
  directoryCategoriesFile?: string;
  directorySynonymsFile?: string;
  /** Sessions end after this many minutes without a request (setting `sessionIdleMinutes`); default 480. */
  sessionIdleMinutes?: number;
  /** The clock of sessions and lock-outs (tests pass their own). */
  now?: () => Date;
}

/** The one place that wires a store into everything a route may use (server, tests, e2e alike). */
export function createAppContext(store: Store, options: AppContextOptions): AppContext {
  return {
    store,
    pendingImports: new PendingImports(),
    analysis: new AnalysisHub({
      store,
      presetDirs: options.presetDirs ?? [DEMO_INDEX_PRESETS],
      warningRuleFiles: options.warningRuleFiles ?? [DEMO_WARNING_RULES],
    }),
    pyramids: loadPyramids(options.pyramidFiles ?? [DEMO_PYRAMIDS]),
    directory: new DirectoryService(
      store,
      loadDirectoryConfig(options.directoryCategoriesFile, options.directorySynonymsFile),
    ),
    // A few levels × parents × tolerances; the geometry of all Gemeinden is about 6 MB serialized.
    responses: new ResultCache(24),
    auth: new AuthService(store, { sessionIdleMinutes: options.sessionIdleMinutes ?? 480, now: options.now }),
    version: options.version,
    uploadLimitBytes: options.uploadLimitBytes,
  };
}
