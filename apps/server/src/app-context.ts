import type { Store } from '@lagebild/store';
import type { AnalysisHub, ResultCache } from '@lagebild/analysis';
import type { PyramidDefinition } from '@lagebild/core';
import type { AuthService } from './auth/auth.service.ts';
import type { AuditService } from './audit/audit.service.ts';
import type { DirectoryService } from './directory/directory.service.ts';
import type { EditorialService } from './directory/editorial.service.ts';
import type { ReportIntake } from './directory/report-intake.ts';
import type { AddressSearch } from './directory/address-search.ts';
import type { TravelTimes } from './directory/travel-times.ts';
import type { PendingImports } from './imports/pending-imports.ts';
import type { OidcService } from './auth/oidc/oidc.service.ts';

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
  /** Travel times of the Wegweiser's results (setting `routingUrl`); null: straight-line distance only. */
  travelTimes: TravelTimes | null;
  /** The Wegweiser's address search (setting `geocoderUrl`); null: the portal searches its places only. */
  addressSearch: AddressSearch | null;
  /** Serialized responses that are costly to build (area geometry), per data version. */
  responses: ResultCache;
  /** Sign-in, sessions and API tokens over `store.accounts`. */
  auth: AuthService;
  /** Records changes in the audit trail (`store.audit`) with the actor of the request. */
  audit: AuditService;
  /** The Wegweiser's editorial workflow: provider editors, review queue, entry history. */
  editorial: EditorialService;
  /** Citizens' reports to the Wegweiser (moderated, rate-limited per address). */
  reports: ReportIntake;
  version: string;
  uploadLimitBytes: number;
  /** Single sign-on through OpenID Connect (settings oidc*); null or absent when not set up. */
  oidc?: OidcService | null;
}
