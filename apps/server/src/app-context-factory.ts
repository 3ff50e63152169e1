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
import { AuditService } from './audit/audit.service.ts';
import { loadDirectoryConfig } from './directory/directory-config.ts';
import { DirectoryService } from './directory/directory.service.ts';
import { EditorialService } from './directory/editorial.service.ts';
import { ReportIntake } from './directory/report-intake.ts';
import { AddressSearch, type AddressSearchOptions } from './directory/address-search.ts';
import { createTravelTimes, type RoutingOptions } from './directory/travel-times.ts';
import { PendingImports } from './imports/pending-imports.ts';
import type { OidcConfig } from './auth/oidc/oidc-config.ts';
import { OidcService } from './auth/oidc/oidc.service.ts';

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
  /** Months after which a Wegweiser entry is due for verification (setting `directoryVerifyMonths`); default 12. */
  directoryVerifyMonths?: number;
  /** An OSRM-compatible routing service for the Wegweiser's travel times; default none. */
  routing?: RoutingOptions;
  /** A Photon or Nominatim geocoder for the Wegweiser's address search; default none. */
  geocoder?: AddressSearchOptions;
  /** Single sign-on (see oidcConfigFrom); default none. */
  oidc?: OidcConfig | null;
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
    travelTimes: options.routing ? createTravelTimes(options.routing) : null,
    addressSearch: options.geocoder ? new AddressSearch(store, options.geocoder) : null,
    // A few levels × parents × tolerances; the geometry of all Gemeinden is about 6 MB serialized.
    responses: new ResultCache(24),
    auth: new AuthService(store, { sessionIdleMinutes: options.sessionIdleMinutes ?? 480, now: options.now }),
    audit: new AuditService(store),
    editorial: new EditorialService(store, { verifyMonths: options.directoryVerifyMonths }),
    reports: new ReportIntake(store),
    version: options.version,
    uploadLimitBytes: options.uploadLimitBytes,
    oidc: options.oidc ? new OidcService(options.oidc, store, options.now) : null,
  };
}
